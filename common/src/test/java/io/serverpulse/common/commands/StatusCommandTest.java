package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.ANNOUNCEMENTS;
import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.MEMES;
import static io.serverpulse.common.commands.CommandKit.NOW;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    private final CommandKit kit = new CommandKit();

    private static Map<String, String> fields(Answer answer) {
        Map<String, String> fields = new HashMap<>();
        answer.data().path("embeds").get(0).path("fields").forEach(f -> fields.put(f.path("name").asText(), f.path("value").asText()));
        return fields;
    }

    @Test
    void aFreshGuildSeesDefaultsAndNoActivity() {
        // GIVEN / WHEN /serverpulse status in a guild that configured nothing
        Answer answer = kit.run(fixture("serverpulse-status.json"));

        // THEN the defaults are shown privately with a hint for each gap
        assertThat(answer.ephemeral()).isTrue();
        Map<String, String> fields = fields(answer);
        assertThat(fields).containsEntry("Update channel", "not set")
                .containsEntry("Digest", "weekly, Mondays at 12:10 AM (UTC) (in #serverpulse-updates, created if missing, until an "
                        + "update channel is set)\nDigests start once an admin has saved any setting (for example with /setup).")
                .containsEntry("Collected channels (0)", "None yet: add one with /add-collect-channel.")
                .containsEntry("AI", "No provider set")
                .containsEntry("Sentiment counts", "off · not available on this deployment: the bot’s operator hasn’t enabled"
                        + " message content")
                .containsEntry("Retention", "metrics 90 d · leaderboards 30 d · summaries 180 d (the bot’s default)")
                .containsEntry("Collection health", "Storage: answering\nNo activity counted in the last 3 days."
                        + "\nNo events dropped in the last 3 days.");
        assertThat(fields.get("Alerts")).contains("**Join raid** — on: 10 joins within 1 min")
                .contains("**Activity drop** — on: messages in 1 h fall below 50% of the usual for those hours (when usually at least 20)");
    }

    @Test
    void eventsThatCouldNotBeCountedAreShownAndAreNotActivity() {
        // GIVEN a guild where nothing was counted, but 30 events could not be counted 5 hours ago (and 4 a week ago)
        kit.dropped(GUILD, GENERAL, 30, NOW.minus(Duration.ofHours(5)));
        kit.dropped(GUILD, GENERAL, 4, NOW.minus(Duration.ofDays(7)));

        // WHEN /serverpulse status runs
        Answer answer = kit.run(fixture("serverpulse-status.json"));

        // THEN the admin is told how many, and when the last was; they are not "activity counted"
        long fiveHoursAgo = NOW.minus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.HOURS).getEpochSecond();
        assertThat(fields(answer).get("Collection health")).isEqualTo("Storage: answering\n"
                + "No activity counted in the last 3 days.\n"
                + "⚠️ 30 events of the last 3 days could not be counted: the bot was overloaded (last in the hour of <t:"
                + fiveHoursAgo + ":f>). Leaderboards over those hours say so.");
    }

    @Test
    void aConfiguredGuildSeesItsSettingsButNeverTheKey() {
        // GIVEN a configured guild with a sealed AI key and activity two hours ago
        String sealed = kit.sealer.seal(GUILD, "sk-never-show-me-123");
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withUpdateChannel(ANNOUNCEMENTS, Instant.EPOCH)
                .withCollectChannels(Set.of(GENERAL, MEMES), Instant.EPOCH).withDigest(DigestFrequency.DAILY, Instant.EPOCH)
                .withTimeZone("Asia/Tokyo", Instant.EPOCH)
                .withAlert(AlertType.VOICE_SURGE, new AlertRule(false, 8, Duration.ofMinutes(5), 4.0), Instant.EPOCH)
                .withRetention(new Retention(30, 7, 60), Instant.EPOCH)
                .withAi(AiProvider.ANTHROPIC, "claude-haiku", sealed, Instant.EPOCH));
        kit.post(GUILD, GENERAL, 200000000000000001L, 2, NOW.minus(Duration.ofHours(2)));

        // WHEN /serverpulse status runs
        Answer answer = kit.run(fixture("serverpulse-status.json"));

        // THEN every setting is shown, the key only as "set"
        Map<String, String> fields = fields(answer);
        assertThat(fields).containsEntry("Update channel", "<#1176201535215009860>")
                .containsEntry("Digest", "daily at 9:10 AM (Asia/Tokyo)")
                .containsEntry("Collected channels (2)", "<#1176201535215009855> <#1176201535215009861>")
                .containsEntry("AI", "Anthropic · model: claude-haiku · key set: yes")
                .containsEntry("Retention", "metrics 30 d · leaderboards 7 d · summaries 60 d");
        assertThat(fields.get("Alerts")).contains("**Voice surge** — off: 4× the usual members in voice, and at least 8");
        long twoHoursAgo = NOW.minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS).getEpochSecond();
        assertThat(fields.get("Collection health")).endsWith("Last activity counted: <t:" + twoHoursAgo + ":f>"
                + "\nNo events dropped in the last 3 days.");
        assertThat(answer.text()).doesNotContain(sealed).doesNotContain("sk-never");
    }

    @Test
    void severalAiProvidersAreListedInTheOrderTheyAreTried() {
        // GIVEN OpenAI with a key, then Groq without one
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withAiChain(java.util.List.of(
                new io.serverpulse.common.ai.AiProviderEntry(AiProvider.OPENAI, null, kit.sealer.seal(GUILD, "sk-hidden-1234")),
                new io.serverpulse.common.ai.AiProviderEntry(AiProvider.GROQ, "llama-test", null)), Instant.EPOCH));

        // WHEN /serverpulse status runs
        Map<String, String> fields = fields(kit.run(fixture("serverpulse-status.json")));

        // THEN both are listed, numbered, with their keys only as set or not
        assertThat(fields).containsEntry("AI", "1. OpenAI · model: provider’s default · key set: yes\n"
                + "2. Groq · model: llama-test · key set: no");
    }

    @Test
    void digestsOffOrStillHourlyShowTheZoneAndWhatToDo() {
        // GIVEN a guild with digests off in Paris, and one whose settings still say hourly
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withDigest(DigestFrequency.NONE, Instant.EPOCH)
                .withTimeZone("Europe/Paris", Instant.EPOCH));
        String off = fields(kit.run(fixture("serverpulse-status.json"))).get("Digest");
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withDigest(DigestFrequency.HOURLY, Instant.EPOCH));
        String hourly = fields(kit.run(fixture("serverpulse-status.json"))).get("Digest");

        // THEN status says so plainly
        assertThat(off).isEqualTo("never (time zone: Europe/Paris)");
        assertThat(hourly).startsWith("hourly, which isn’t offered any more: no digest is posted until you choose daily or weekly");
    }

    @Test
    void anUnreachableStoreIsReportedNotFailed() {
        // GIVEN a store that no longer answers
        kit.store.close();

        // WHEN / THEN status says so in an embed
        Answer answer = kit.run(fixture("serverpulse-status.json"));
        JsonNode embed = answer.data().path("embeds").get(0);
        assertThat(embed.path("description").asText()).isEqualTo("⚠️ Storage isn’t answering. Collection and commands will resume when it’s back.");
        assertThat(answer.ephemeral()).isTrue();
    }

    @Test
    void manyCollectedChannelsAreShortened() {
        // GIVEN 40 collected channels
        Set<Long> channels = new java.util.TreeSet<>();
        for (long i = 1; i <= 40; i++) {
            channels.add(1176201535215010000L + i);
        }
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(channels, Instant.EPOCH));

        // WHEN / THEN the list fits one field and says how many more there are
        Answer answer = kit.run(fixture("serverpulse-status.json"));
        assertThat(fields(answer).get("Collected channels (40)")).endsWith("and 10 more");
    }

    @Test
    void statusIsTranslated() {
        // GIVEN / WHEN a French admin asks
        Answer answer = kit.run(CommandKit.withLocale(fixture("serverpulse-status.json"), "fr"));

        // THEN it is in French
        assertThat(answer.data().path("embeds").get(0).path("title").asText()).isEqualTo("État de ServerPulse");
        assertThat(fields(answer)).containsEntry("Salon des annonces", "non défini");
    }

    @Test
    void sentimentIsShownAsTheGuildChoseItWhereTheDeploymentScores() {
        // GIVEN a deployment whose operator enabled message content
        CommandKit scoring = new CommandKit(true, true);

        // WHEN status runs before and after the guild opts in
        String before = fields(scoring.run(fixture("serverpulse-status.json"))).get("Sentiment counts");
        scoring.store.saveSettings(GuildSettings.defaults(GUILD).withSentiment(true, Instant.EPOCH));
        String after = fields(scoring.run(fixture("serverpulse-status.json"))).get("Sentiment counts");

        // THEN it reads off with a hint, then on
        assertThat(before).isEqualTo("off (turn them on with /sentiment on)");
        assertThat(after).isEqualTo("on");
    }

    @Test
    void anOptedInGuildIsToldSentimentIsNotAvailableHere() {
        // GIVEN an opted-in guild on a deployment without message content
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withSentiment(true, Instant.EPOCH));

        // WHEN / THEN status says the choice and that it has no effect here, in the admin's language
        assertThat(fields(kit.run(fixture("serverpulse-status.json")))).containsEntry("Sentiment counts",
                "on · not available on this deployment: the bot’s operator hasn’t enabled message content");
        assertThat(fields(kit.run(CommandKit.withLocale(fixture("serverpulse-status.json"), "de")))).containsEntry(
                "Stimmungszählung", "an · auf dieser Installation nicht verfügbar: der Betreiber des Bots hat den"
                        + " Nachrichteninhalt nicht freigeschaltet");
    }
}
