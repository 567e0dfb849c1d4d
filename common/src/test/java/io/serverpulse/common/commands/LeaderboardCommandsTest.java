package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.MEMES;
import static io.serverpulse.common.commands.CommandKit.NOW;
import static io.serverpulse.common.commands.CommandKit.OTHER_GUILD;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static io.serverpulse.common.commands.CommandKit.withOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.settings.GuildSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LeaderboardCommandsTest {

    private static final long ALICE = 200000000000000001L;
    private static final long BOB = 200000000000000002L;
    private static final long CAROL = 200000000000000003L;
    private static final long DAVE = 200000000000000004L;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final CommandKit kit = new CommandKit();
    private final Instant anHourAgo = NOW.minus(Duration.ofHours(1));

    @Test
    void anEmptyLeaderboardExplainsHowCollectionStarts() {
        // GIVEN a guild where nothing was counted
        // WHEN /topmessagers runs
        Answer answer = kit.run(fixture("topmessagers.json"));

        // THEN the member is told, privately, that an admin must enable collection
        assertThat(answer.type()).isEqualTo(4);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("No messages counted for the last 7 days yet. ServerPulse only counts channels an "
                + "admin has enabled with /add-collect-channel, and only from that moment on.");
    }

    @Test
    void twoMembersAreRankedAtOnceWithCountsAndShares() {
        // GIVEN Alice posted 6 messages and Bob 4 in the last week, and another guild is much busier
        kit.post(GUILD, GENERAL, ALICE, 6, anHourAgo);
        kit.post(GUILD, MEMES, BOB, 4, NOW.minus(Duration.ofDays(3)));
        kit.post(OTHER_GUILD, GENERAL, DAVE, 500, anHourAgo);

        // WHEN /topmessagers 7d runs
        Answer answer = kit.run(fixture("topmessagers.json"));

        // THEN a public embed ranks them with mention, count and share of this guild's 10 messages, without a chart
        assertThat(answer.type()).isEqualTo(4);
        assertThat(answer.ephemeral()).isFalse();
        JsonNode embed = answer.data().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Top messagers · the last 7 days");
        assertThat(embed.path("description").asText()).isEqualTo(
                "🥇 <@200000000000000001> — **6** messages · 60.0%\n🥈 <@200000000000000002> — **4** messages · 40.0%");
        assertThat(embed.path("footer").path("text").asText()).startsWith("Share of 10 messages counted in this period.");
        assertThat(embed.has("image")).isFalse();
        assertThat(answer.data().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(answer.text()).doesNotContain("200000000000000004");
    }

    @Test
    void aLeaderboardOverHoursWithDroppedEventsSaysHowManyCouldNotBeCounted() {
        // GIVEN Alice posted 6 messages and Bob 4 in the last week, while 25 of the guild's events in the
        // week could not be counted (9 more before the week, and 100 in another guild)
        kit.post(GUILD, GENERAL, ALICE, 6, anHourAgo);
        kit.post(GUILD, MEMES, BOB, 4, NOW.minus(Duration.ofDays(3)));
        kit.dropped(GUILD, GENERAL, 20, anHourAgo);
        kit.dropped(GUILD, MEMES, 5, NOW.minus(Duration.ofDays(2)));
        kit.dropped(GUILD, GENERAL, 9, NOW.minus(Duration.ofDays(10)));
        kit.dropped(OTHER_GUILD, GENERAL, 100, anHourAgo);

        // WHEN /topmessagers 7d runs
        Answer answer = kit.run(fixture("topmessagers.json"));

        // THEN the board says, above the share's basis, how many events of its period are missing
        assertThat(answer.data().path("embeds").get(0).path("footer").path("text").asText()).isEqualTo(
                "⚠️ 25 events of this period could not be counted (the bot was overloaded), so these numbers are too low.\n"
                        + "Share of 10 messages counted in this period. ServerPulse counts messages, never their text.");
    }

    @Test
    void threeOrMoreMembersAreDeferredAndGetABarChart() throws IOException {
        // GIVEN four members with activity in the last week
        kit.post(GUILD, GENERAL, ALICE, 1234, anHourAgo);
        kit.post(GUILD, GENERAL, BOB, 800, anHourAgo);
        kit.post(GUILD, MEMES, CAROL, 420, NOW.minus(Duration.ofDays(2)));
        kit.post(GUILD, MEMES, DAVE, 99, NOW.minus(Duration.ofDays(6)));

        // WHEN /topmessagers runs and the worker finishes it
        Answer answer = kit.run(fixture("topmessagers.json"));
        FollowUp followUp = kit.complete(answer.work());

        // THEN the first answer is a public "thinking…", and the edit carries the embed and its PNG chart
        assertThat(answer.type()).isEqualTo(5);
        assertThat(answer.data().has("flags")).isFalse();
        assertThat(answer.work().arg("period")).isEqualTo("7d");
        JsonNode embed = followUp.body().path("embeds").get(0);
        assertThat(embed.path("description").asText()).startsWith("🥇 <@200000000000000001> — **1,234** messages · 48.3%")
                .contains("**4.** <@200000000000000004> — **99** messages · 3.9%");
        assertThat(embed.path("image").path("url").asText()).isEqualTo("attachment://topmessagers.png");
        assertThat(followUp.body().path("attachments").get(0).path("filename").asText()).isEqualTo("topmessagers.png");
        FileAttachment png = followUp.files().get(0);
        assertThat(png.contentType()).isEqualTo("image/png");
        byte[] bytes = png.bytes();
        assertThat(bytes).startsWith(PNG_MAGIC);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
        Path preview = Path.of("target", "chart-preview", "topmessagers.png");
        Files.createDirectories(preview.getParent());
        Files.write(preview, bytes);
    }

    @Test
    void thePeriodLimitsWhatIsCounted() {
        // GIVEN Alice posted today and Bob two days ago
        kit.post(GUILD, GENERAL, ALICE, 3, anHourAgo);
        kit.post(GUILD, GENERAL, BOB, 30, NOW.minus(Duration.ofDays(2)));

        // WHEN /topmessagers 24h runs
        Answer answer = kit.run(withOptions(fixture("topmessagers.json"), "[{\"name\":\"period\",\"type\":3,\"value\":\"24h\"}]"));

        // THEN only Alice is ranked, with all of the day's messages
        String description = answer.data().path("embeds").get(0).path("description").asText();
        assertThat(description).isEqualTo("🥇 <@200000000000000001> — **3** messages · 100.0%");
    }

    @Test
    void theChannelLeaderboardCountsOneChannel() {
        // GIVEN activity in #general and #memes
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL, MEMES), Instant.EPOCH));
        kit.post(GUILD, GENERAL, ALICE, 3, anHourAgo);
        kit.post(GUILD, GENERAL, BOB, 1, anHourAgo);
        kit.post(GUILD, MEMES, BOB, 50, anHourAgo);

        // WHEN /leaderboard #general 30d runs
        Answer answer = kit.run(fixture("leaderboard.json"));

        // THEN it answers at once with #general's ranking and shares of #general's total
        assertThat(answer.type()).isEqualTo(4);
        JsonNode embed = answer.data().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Channel leaderboard · the last 30 days");
        assertThat(embed.path("description").asText()).isEqualTo("In <#1176201535215009855>\n\n"
                + "🥇 <@200000000000000001> — **3** messages · 75.0%\n🥈 <@200000000000000002> — **1** message · 25.0%");
        assertThat(embed.path("footer").path("text").asText()).startsWith("Share of 4 messages");
    }

    @Test
    void aChannelThatIsNotCollectedSaysSo() {
        // GIVEN nothing collected in #general
        // WHEN / THEN /leaderboard #general explains how to enable it
        Answer answer = kit.run(fixture("leaderboard.json"));
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("<#1176201535215009855> isn’t collected, so there’s nothing to rank. "
                + "An admin can enable it with /add-collect-channel.");

        // and a collected channel without activity yet says that instead
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), Instant.EPOCH));
        assertThat(kit.run(fixture("leaderboard.json")).content())
                .isEqualTo("No messages counted in <#1176201535215009855> for the last 30 days yet.");
    }

    @Test
    void germanLeaderboardsUseGermanWordsAndNumbers() {
        // GIVEN one busy member
        kit.post(GUILD, GENERAL, ALICE, 1500, anHourAgo);
        kit.post(GUILD, GENERAL, BOB, 500, anHourAgo);

        // WHEN a German member asks
        Answer answer = kit.run(CommandKit.withLocale(fixture("topmessagers.json"), "de"));

        // THEN the embed is German
        JsonNode embed = answer.data().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Aktivste Mitglieder · die letzten 7 Tage");
        assertThat(embed.path("description").asText()).startsWith("🥇 <@200000000000000001> — **1.500** Nachrichten · 75,0%");
    }
}
