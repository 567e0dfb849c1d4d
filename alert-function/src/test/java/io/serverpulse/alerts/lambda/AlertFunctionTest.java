package io.serverpulse.alerts.lambda;

import static io.serverpulse.alerts.support.AlertRig.GUILD;
import static io.serverpulse.alerts.support.AlertRig.embed;
import static io.serverpulse.alerts.support.AlertRig.invoke;
import static io.serverpulse.alerts.support.AlertRig.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.alerts.support.AlertRig;
import io.serverpulse.alerts.support.SqsEvents;
import io.serverpulse.common.testing.LogCapture;
import io.serverpulse.emulator.rest.RouteKeys;
import io.serverpulse.emulator.state.ChannelRecord;
import io.serverpulse.emulator.state.Permissions;
import io.serverpulse.emulator.state.RequestLog;
import io.serverpulse.emulator.state.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The alert function as Lambda runs it, with the collector's notices in the SQS events Lambda hands it, against the
 * emulated Discord and MongoDB. (Batches, ordering, retries and the dead-letter queue: {@code AlertQueueTest}.)
 */
class AlertFunctionTest {

    private static final String ALERT_ID = "1217456348762181632:JOIN_RAID:1772533200000";
    /** The partial batch response of a batch whose every message is done (Lambda deletes them all). */
    private static final String ALL_DONE = "{\"batchItemFailures\":[]}";

    private final AlertRig rig = new AlertRig();
    private final AlertFunction function = new AlertFunction(AlertWiring.delivery(rig.config()));

    @AfterEach
    void close() {
        rig.close();
    }

    /** Delivers the collector's notice as the one message of an SQS event; returns the function's batch response. */
    private String deliver(String fixture) {
        return invoke(function::handleRequest, SqsEvents.event(Long.toUnsignedString(GUILD), resource("alerts/" + fixture)));
    }

    private ChannelRecord onlyCreatedChannel() {
        assertThat(rig.channelsCreated()).hasSize(1);
        return rig.channelsCreated().get(0);
    }

    @Test
    void theCollectorsPayloadBecomesOneMessageInANewUpdateChannelThatIsSaved() {
        // GIVEN a guild without an update channel (no settings at all) and the collector's exact invoke payload
        // WHEN it is delivered
        String result = deliver("notice-raid-opened.json");

        // THEN #serverpulse-updates was created, holds one spec-valid alert embed that pings nobody, and is saved
        ChannelRecord channel = onlyCreatedChannel();
        assertThat(channel.name()).isEqualTo(UpdatePoster.DEFAULT_CHANNEL);
        assertThat(channel.guildId()).isEqualTo(GUILD);
        List<StoredMessage> messages = rig.messages(channel.id());
        assertThat(messages).hasSize(1);
        JsonNode embed = embed(messages.get(0));
        assertThat(embed.path("title").asText()).isEqualTo("🚨 Join raid");
        assertThat(embed.path("description").asText()).isEqualTo("usually 0.5 joins/min, now 14 in 60 s");
        assertThat(embed.path("footer").path("text").asText()).isEqualTo("ServerPulse alert " + ALERT_ID);
        assertThat(embed.path("timestamp").asText()).isEqualTo("2026-03-03T10:20:00Z");
        assertThat(messages.get(0).requestPayload().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(rig.updateChannel(GUILD)).contains(channel.id());
        assertThat(result).isEqualTo(ALL_DONE);
    }

    @Test
    void theEndedPayloadEditsThatSameMessage() {
        // GIVEN the raid's alert was posted
        deliver("notice-raid-opened.json");
        ChannelRecord channel = onlyCreatedChannel();

        // WHEN the collector hands over its end
        String result = deliver("notice-raid-ended.json");

        // THEN the one message now says it ended, how long it lasted, in grey: no second message
        List<StoredMessage> messages = rig.messages(channel.id());
        assertThat(messages).hasSize(1);
        JsonNode embed = embed(messages.get(0));
        assertThat(embed.path("title").asText()).isEqualTo("✅ Join raid — ended");
        assertThat(embed.path("color").asInt()).isEqualTo(0x95A5A6);
        assertThat(embed.path("fields").findValuesAsText("value")).contains("7 min");
        assertThat(messages.get(0).editedAt()).isNotNull();
        assertThat(result).isEqualTo(ALL_DONE);
    }

    @Test
    void theSameOpenedPayloadDeliveredTwiceIsStillOneMessage() {
        // GIVEN / WHEN the OPENED notice is delivered twice (received again after a lost answer)
        deliver("notice-raid-opened.json");
        String second = deliver("notice-raid-opened.json");

        // THEN one message, one channel
        assertThat(rig.messages(onlyCreatedChannel().id())).hasSize(1);
        assertThat(second).isEqualTo(ALL_DONE);
    }

    @Test
    void aDeletedUpdateChannelIsRecreatedAndSaved() {
        // GIVEN the guild's saved update channel no longer exists in Discord
        long gone = 1217456348762189999L;
        rig.store().saveSettings(rig.store().settings(GUILD).withUpdateChannel(gone, Instant.parse("2026-03-01T00:00:00Z")));

        // WHEN an alert arrives
        try (LogCapture logs = new LogCapture()) {
            deliver("notice-raid-opened.json");

            // THEN a new #serverpulse-updates holds it and replaces the old id in the settings, and the log says why
            ChannelRecord channel = onlyCreatedChannel();
            assertThat(rig.messages(channel.id())).hasSize(1);
            assertThat(rig.updateChannel(GUILD)).contains(channel.id());
            assertThat(logs.lines()).anyMatch(line -> line.contains("The update channel " + gone + " of guild " + GUILD
                    + " no longer exists"));
        }
    }

    @Test
    void anExistingUpdateChannelIsUsedAsItIs() {
        // GIVEN the admins chose #general as the update channel
        rig.store().saveSettings(rig.store().settings(GUILD).withUpdateChannel(AlertRig.GENERAL, Instant.parse("2026-03-01T00:00:00Z")));

        // WHEN an alert arrives
        deliver("notice-raid-opened.json");

        // THEN it is posted there and no channel is created
        assertThat(rig.channelsCreated()).isEmpty();
        assertThat(rig.messages(AlertRig.GENERAL)).hasSize(1);
    }

    @Test
    void aRateLimitedPostIsWaitedOutAndPostedOnce() {
        // GIVEN Discord answers the next message post with a 429 (retry after 1 s)
        rig.discord().rateLimit(RouteKeys.CREATE_MESSAGE, Duration.ofSeconds(1), 1);

        // WHEN an alert arrives
        String result = deliver("notice-raid-opened.json");

        // THEN the post was retried after the wait, and the channel holds one message
        // (the emulator logs a request just after it answered it)
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Integer> posts = List.of();
        while (posts.size() < 2 && System.nanoTime() < deadline) {
            posts = rig.discord().recorded().requests().stream()
                    .filter(r -> RouteKeys.CREATE_MESSAGE.equals(r.route())).map(RequestLog::status).toList();
            Thread.onSpinWait();
        }
        assertThat(posts).containsExactly(429, 200);
        assertThat(rig.messages(onlyCreatedChannel().id())).hasSize(1);
        assertThat(result).isEqualTo(ALL_DONE);
    }

    @Test
    void aMalformedPayloadPostsNothingAndSaysSoInOneLine() {
        // GIVEN a payload whose guild id is not a snowflake
        try (LogCapture logs = new LogCapture()) {
            // WHEN it is delivered
            String result = deliver("notice-malformed.json");

            // THEN nothing reaches Discord, the message is done (not received again), and one error line says why
            assertThat(rig.discord().recorded().requests()).isEmpty();
            assertThat(result).isEqualTo(ALL_DONE);
            assertThat(logs.lines()).filteredOn(line -> line.startsWith("ERROR"))
                    .containsExactly("ERROR io.serverpulse.alerts.post.NoticeDelivery Dropped a payload that is not an alert notice"
                            + " (382 bytes): alert notice has a malformed id or time: For input string: \"the raid guild\"");
        }
    }

    @Test
    void withoutManageChannelsNothingIsPostedAndTheLogSaysWhatIsMissing() {
        // GIVEN a bot that may not create channels, in a guild without an update channel
        try (AlertRig limited = new AlertRig(b -> b.botPermissions(Permissions.BOT_DEFAULT & ~Permissions.MANAGE_CHANNELS));
             LogCapture logs = new LogCapture()) {
            AlertFunction limitedFunction = new AlertFunction(AlertWiring.delivery(limited.config()));

            // WHEN an alert arrives
            String result = invoke(limitedFunction::handleRequest,
                    SqsEvents.event(Long.toUnsignedString(GUILD), resource("alerts/notice-raid-opened.json")));

            // THEN no channel, no message, not received again, and the log names the missing permission
            assertThat(limited.channelsCreated()).isEmpty();
            assertThat(limited.discord().recorded().messages()).isEmpty();
            assertThat(result).isEqualTo(ALL_DONE);
            assertThat(logs.lines()).anyMatch(line -> line.contains("Guild " + GUILD + " has no update channel and ServerPulse may not"
                    + " create #serverpulse-updates (Manage Channels)"));
        }
    }
}
