package io.serverpulse.collector.posting;

import static io.serverpulse.collector.posting.PostingRig.CLOCK;
import static io.serverpulse.collector.posting.PostingRig.EXISTING_UPDATES;
import static io.serverpulse.collector.posting.PostingRig.GENERAL;
import static io.serverpulse.collector.posting.PostingRig.GUILD;
import static io.serverpulse.collector.posting.PostingRig.LOUNGE;
import static io.serverpulse.collector.posting.PostingRig.OTHER_GENERAL;
import static io.serverpulse.collector.posting.PostingRig.chart;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.discord.post.ChannelPost;
import io.serverpulse.common.discord.post.Posted;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.testing.LogCapture;
import io.serverpulse.emulator.rest.RouteKeys;
import io.serverpulse.emulator.state.ChannelRecord;
import io.serverpulse.emulator.state.Permissions;
import io.serverpulse.emulator.state.StoredMessage;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code common}'s one poster (both modes post alerts with it, digests will) against the emulated
 * Discord: the channel resolved or created, a post with embeds and a chart that pings nobody, found
 * again by its footer and edited, rate limits waited out, a refusal to create the channel. Every
 * body is checked against Discord's OpenAPI spec. Here because common's tests cannot use the
 * emulator (it depends on common).
 */
class UpdatePosterTest {

    private static final String FOOTER = "ServerPulse digest " + GUILD + " 2026-W10";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChannelPost digest(String title, Color color) {
        Embed embed = Embed.builder().title(title).description("1,204 messages (+12 %) from 87 members")
                .field("Top channel", "<#" + GENERAL + ">", true).footer(FOOTER).image("attachment://activity.png").build();
        return ChannelPost.of(FOOTER, List.of(embed), List.of(chart(color)));
    }

    private static GuildSettings settings(PostingRig rig) {
        return rig.store.settings(GUILD);
    }

    private static ChannelRecord onlyCreatedChannel(PostingRig rig) {
        assertThat(rig.discord.recorded().channelsCreated()).hasSize(1);
        return rig.discord.recorded().channelsCreated().get(0);
    }

    @Test
    void aGuildWithoutAnUpdateChannelGetsOneCreatedAndSavedWithTheEmbedAndItsChartThatPingNobody() throws Exception {
        try (PostingRig rig = new PostingRig()) {
            // GIVEN a guild that never set an update channel and has none named #serverpulse-updates
            // WHEN a digest with a chart is posted
            Posted posted = rig.poster().postOnce(settings(rig), digest("Weekly digest", Color.BLUE));

            // THEN #serverpulse-updates was created, saved as the guild's update channel, and holds the one message
            ChannelRecord channel = onlyCreatedChannel(rig);
            assertThat(channel.name()).isEqualTo(UpdatePoster.DEFAULT_CHANNEL);
            assertThat(channel.guildId()).isEqualTo(GUILD);
            assertThat(rig.store.settings(GUILD).updateChannelId()).isEqualTo(channel.id());
            assertThat(posted).isEqualTo(new Posted(Posted.Outcome.POSTED, channel.id(), posted.messageId()));
            List<StoredMessage> messages = rig.discord.recorded().messages(channel.id());
            assertThat(messages).singleElement().satisfies(message -> {
                assertThat(message.id()).isEqualTo(posted.messageId());
                // the body is the documented one: the embed shows the attached chart, mentions ping nobody
                assertThat(message.requestPayload()).isEqualTo(JSON.readTree(PostingRig.resource("posting/digest-post-body.json")));
                assertThat(message.attachments()).singleElement().satisfies(file -> {
                    assertThat(file.filename()).isEqualTo("activity.png");
                    assertThat(file.contentType()).isEqualTo("image/png");
                    assertThat(file.bytes()).isEqualTo(PostingRig.png(Color.BLUE));
                });
            });
            assertThat(rig.spec.refused()).isEmpty();
        }
    }

    @Test
    void postingTheSameFooterAgainFromAnotherProcessPostsNothing() {
        try (PostingRig rig = new PostingRig()) {
            // GIVEN the digest was posted
            Posted first = rig.poster().postOnce(settings(rig), digest("Weekly digest", Color.BLUE));

            // WHEN a new process (nothing remembered) posts it again
            Posted again = rig.poster().postOnce(settings(rig), digest("Weekly digest", Color.BLUE));

            // THEN it found the message by its footer: still one message
            assertThat(again).isEqualTo(new Posted(Posted.Outcome.ALREADY_POSTED, first.channelId(), first.messageId()));
            assertThat(rig.discord.recorded().messages(first.channelId())).hasSize(1);
        }
    }

    @Test
    void aMessageFoundByItsFooterIsEditedWithNewEmbedsAndANewChart() {
        try (PostingRig rig = new PostingRig()) {
            // GIVEN the digest was posted by an earlier process
            Posted first = rig.poster().postOnce(settings(rig), digest("Weekly digest", Color.BLUE));

            // WHEN a restarted process replaces it
            Posted edited = rig.poster().postOrEdit(settings(rig), digest("Weekly digest (corrected)", Color.RED));

            // THEN the same message now shows the new embed and only the new chart
            assertThat(edited).isEqualTo(new Posted(Posted.Outcome.EDITED, first.channelId(), first.messageId()));
            StoredMessage message = rig.discord.recorded().message(first.messageId()).orElseThrow();
            assertThat(message.embeds().get(0).path("title").asText()).isEqualTo("Weekly digest (corrected)");
            assertThat(message.attachments()).singleElement()
                    .satisfies(file -> assertThat(file.bytes()).isEqualTo(PostingRig.png(Color.RED)));
            assertThat(rig.discord.recorded().edits()).filteredOn(e -> e.messageId() == first.messageId()).hasSize(1);
            assertThat(rig.discord.recorded().messages(first.channelId())).hasSize(1);
            assertThat(rig.spec.refused()).isEmpty();
        }
    }

    @Test
    void anEditWhoseMessageIsNotThereIsPosted() {
        try (PostingRig rig = new PostingRig()) {
            // GIVEN / WHEN a post that was never posted is "edited"
            Posted posted = rig.poster().postOrEdit(settings(rig), digest("Weekly digest", Color.BLUE));

            // THEN it is posted
            assertThat(posted.outcome()).isEqualTo(Posted.Outcome.POSTED);
            assertThat(rig.discord.recorded().messages(posted.channelId())).hasSize(1);
            assertThat(rig.discord.recorded().edits()).isEmpty();
        }
    }

    @Test
    void aDeletedSavedChannelIsReplacedByANewOneThatIsSaved() {
        try (PostingRig rig = new PostingRig(); LogCapture logs = new LogCapture()) {
            // GIVEN the guild's saved update channel no longer exists
            long gone = GENERAL + 999;
            rig.store.saveSettings(settings(rig).withUpdateChannel(gone, CLOCK.instant()));

            // WHEN something is posted
            Posted posted = rig.poster().postOnce(settings(rig), digest("Weekly digest", Color.BLUE));

            // THEN a new #serverpulse-updates holds it and replaces the old id, and the log says why
            ChannelRecord channel = onlyCreatedChannel(rig);
            assertThat(posted.channelId()).isEqualTo(channel.id());
            assertThat(rig.store.settings(GUILD).updateChannelId()).isEqualTo(channel.id());
            assertThat(logs.lines()).anyMatch(line -> line.contains("The update channel " + gone + " of guild " + GUILD
                    + " no longer exists"));
        }
    }

    @Test
    void aDeletedSavedChannelIsReplacedByAnExistingServerpulseUpdatesChannel() {
        try (PostingRig rig = new PostingRig(true, builder -> builder)) {
            // GIVEN a saved update channel that is gone, and a #serverpulse-updates the admins made themselves
            rig.store.saveSettings(settings(rig).withUpdateChannel(GENERAL + 999, CLOCK.instant()));

            // WHEN something is posted
            Posted posted = rig.poster().postOnce(settings(rig), digest("Weekly digest", Color.BLUE));

            // THEN it goes there, no channel is created, and that channel is saved
            assertThat(posted.channelId()).isEqualTo(EXISTING_UPDATES);
            assertThat(rig.discord.recorded().channelsCreated()).isEmpty();
            assertThat(rig.store.settings(GUILD).updateChannelId()).isEqualTo(EXISTING_UPDATES);
        }
    }

    @Test
    void aSavedChannelThatIsNotTheGuildsTextChannelIsNotUsed() {
        try (PostingRig rig = new PostingRig(true, builder -> builder)) {
            for (long wrong : new long[] {LOUNGE, OTHER_GENERAL}) {
                // GIVEN a saved update channel that is a voice channel, or another guild's text channel
                rig.store.saveSettings(settings(rig).withUpdateChannel(wrong, CLOCK.instant()));

                // WHEN something is posted
                Posted posted = rig.poster().postOnce(settings(rig), digest("Weekly digest " + wrong, Color.BLUE));

                // THEN it goes to the guild's #serverpulse-updates instead, which is saved
                assertThat(posted.channelId()).isEqualTo(EXISTING_UPDATES);
                assertThat(rig.store.settings(GUILD).updateChannelId()).isEqualTo(EXISTING_UPDATES);
            }
            assertThat(rig.discord.recorded().messages(LOUNGE)).isEmpty();
            assertThat(rig.discord.recorded().messages(OTHER_GENERAL)).isEmpty();
        }
    }

    @Test
    void theSavedChannelIsUsedAsItIs() {
        try (PostingRig rig = new PostingRig()) {
            // GIVEN the admins chose #general
            rig.store.saveSettings(settings(rig).withUpdateChannel(GENERAL, CLOCK.instant()));

            // WHEN something is posted / THEN it goes there and nothing is created
            assertThat(rig.poster().postOnce(settings(rig), digest("Weekly digest", Color.BLUE)).channelId()).isEqualTo(GENERAL);
            assertThat(rig.discord.recorded().channelsCreated()).isEmpty();
            assertThat(rig.discord.recorded().messages(GENERAL)).hasSize(1);
        }
    }

    @Test
    void aRateLimitedPostIsWaitedOutAndPostedOnce() throws Exception {
        try (PostingRig rig = new PostingRig()) {
            // GIVEN Discord answers the next message post with a 429 asking to wait 1 s
            rig.discord.rateLimit(RouteKeys.CREATE_MESSAGE, Duration.ofSeconds(1), 1);

            // WHEN something is posted
            long start = System.nanoTime();
            Posted posted = rig.poster().postOnce(settings(rig), digest("Weekly digest", Color.BLUE));

            // THEN the post was sent again after the wait, and the channel holds one message
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(rig.statuses(RouteKeys.CREATE_MESSAGE, 2)).containsExactly(429, 200);
            assertThat(rig.discord.recorded().messages(posted.channelId())).hasSize(1);
        }
    }

    @Test
    void withoutManageChannelsThereIsNoChannelSaidOnceAndTheCreationIsNotRetried() throws Exception {
        try (PostingRig rig = new PostingRig(false, b -> b.botPermissions(Permissions.BOT_DEFAULT & ~Permissions.MANAGE_CHANNELS));
             LogCapture logs = new LogCapture()) {
            // GIVEN a bot that may not create channels, in a guild without an update channel
            UpdatePoster poster = rig.poster();

            // WHEN two posts are tried
            Posted first = poster.postOnce(settings(rig), digest("Weekly digest", Color.BLUE));
            Posted second = poster.postOnce(settings(rig), digest("Weekly digest", Color.BLUE));

            // THEN no channel and no message; each try asked once (a 403 is not retried); the log names the permission once
            assertThat(first.outcome()).isEqualTo(Posted.Outcome.NO_CHANNEL);
            assertThat(second.outcome()).isEqualTo(Posted.Outcome.NO_CHANNEL);
            assertThat(rig.statuses(RouteKeys.CREATE_CHANNEL, 2)).containsExactly(403, 403);
            assertThat(rig.discord.recorded().messages()).isEmpty();
            assertThat(rig.store.findSettings(GUILD)).isEmpty();
            assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN") && line.contains("Guild " + GUILD
                    + " has no update channel and ServerPulse may not create #serverpulse-updates (Manage Channels)")).hasSize(1);
        }
    }
}
