package io.serverpulse.common.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuildSettingsJsonTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = GuildSettingsJsonTest.class.getResourceAsStream("/settings/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static GuildSettings everyFieldChanged() {
        Instant t = Instant.parse("2026-06-10T08:15:30.125Z");
        return GuildSettings.defaults(810_000_000_000_000_001L)
                .withUpdateChannel(900_000_000_000_000_011L, t)
                .withCollectChannels(Set.of(900_000_000_000_000_011L, 900_000_000_000_000_012L), t)
                .withDigest(DigestFrequency.DAILY, t)
                .withAlert(AlertType.JOIN_RAID, new AlertRule(true, 25, Duration.ofSeconds(90), 2.5), t)
                .withAlert(AlertType.VOICE_SURGE, AlertRule.defaultFor(AlertType.VOICE_SURGE).withEnabled(false), t)
                .withRetention(new Retention(30, 7, 60), t)
                .withAi(AiProvider.ANTHROPIC, "claude-test", "v1:c2VhbGVkLWtleQ==", t)
                .withLocale("de", t)
                .withSentiment(true, t)
                .withTimeZone("America/New_York", t)
                .withCountBots(true, Instant.parse("2026-06-10T08:15:31.999Z"));
    }

    @Test
    void readsTheStoredFormat() throws IOException {
        // GIVEN settings as stored, with every field set
        String json = fixture("full.json");

        // WHEN they are read
        GuildSettings settings = GuildSettingsJson.fromJson(json);

        // THEN every field is what the admin configured
        assertThat(settings).isEqualTo(everyFieldChanged());
    }

    @Test
    void settingsWithFallbackProvidersAreStoredInOrder() throws IOException {
        // GIVEN settings stored with a first provider and two fallbacks
        GuildSettings settings = GuildSettingsJson.fromJson(fixture("fallbacks.json"));

        // THEN the chain is the first provider, then the fallbacks in their order
        assertThat(settings.aiChain()).containsExactly(
                new AiProviderEntry(AiProvider.OPENAI, null, "v1:b3BlbmFpLWtleQ=="),
                new AiProviderEntry(AiProvider.GROQ, "llama-test", "v1:Z3JvcS1rZXk="),
                new AiProviderEntry(AiProvider.GEMINI, null, null));
        // AND they are written back the same way
        assertThat(GuildSettingsJson.fromJson(GuildSettingsJson.toJson(settings))).isEqualTo(settings);
        assertThat(GuildSettingsJson.toJson(settings)).contains("\"ai_fallbacks\":[{\"provider\":\"GROQ\",\"model\":\"llama-test\"");
    }

    @Test
    void settingsStoredBeforeFallbacksHaveNone() throws IOException {
        // GIVEN settings of an older version (no ai_fallbacks field)
        GuildSettings settings = GuildSettingsJson.fromJson(fixture("full.json"));

        // THEN the one provider is the whole chain
        assertThat(settings.aiFallbacks()).isEmpty();
        assertThat(settings.aiChain()).containsExactly(new AiProviderEntry(AiProvider.ANTHROPIC, "claude-test", "v1:c2VhbGVkLWtleQ=="));
    }

    @Test
    void aFallbackNeverRepeatsTheFirstProviderOrAnother() {
        // GIVEN a chain that names OpenAI twice and Groq twice
        GuildSettings settings = GuildSettings.defaults(42).withAiChain(java.util.List.of(
                new AiProviderEntry(AiProvider.OPENAI, null, "v1:a"), new AiProviderEntry(AiProvider.GROQ, null, null),
                new AiProviderEntry(AiProvider.OPENAI, "other", "v1:b"), new AiProviderEntry(AiProvider.GROQ, "x", "v1:c")),
                Instant.EPOCH);

        // THEN each provider is kept once, at its first place
        assertThat(settings.aiChain()).extracting(AiProviderEntry::provider).containsExactly(AiProvider.OPENAI, AiProvider.GROQ);
        assertThat(settings.aiChain().get(0).keyCiphertext()).isEqualTo("v1:a");
    }

    @Test
    void writesWhatItReads() {
        // GIVEN settings with every field changed, and the defaults
        // WHEN they are written and read back
        // THEN nothing is lost
        for (GuildSettings settings : new GuildSettings[] {everyFieldChanged(), GuildSettings.defaults(42)}) {
            assertThat(GuildSettingsJson.fromJson(GuildSettingsJson.toJson(settings))).isEqualTo(settings);
        }
    }

    @Test
    void writesSnakeCaseNamesAndIsoValues() {
        // GIVEN settings with every field changed
        // WHEN they are written
        String json = GuildSettingsJson.toJson(everyFieldChanged());

        // THEN the names and values are the documented stored format
        assertThat(json).contains("\"update_channel_id\":900000000000000011", "\"ai_key_ciphertext\":\"v1:c2VhbGVkLWtleQ==\"",
                "\"window\":\"PT1M30S\"", "\"updated_at\":\"2026-06-10T08:15:31.999Z\"", "\"metrics_days\":30", "\"digest\":\"DAILY\"",
                "\"time_zone\":\"America/New_York\"");
    }

    @Test
    void missingOptionalFieldsTakeDefaultsAndUnknownFieldsAreIgnored() throws IOException {
        // GIVEN settings JSON with only the required fields and one from a newer version
        String json = fixture("minimal.json");

        // WHEN it is read
        GuildSettings settings = GuildSettingsJson.fromJson(json);

        // THEN the rest are the defaults
        assertThat(settings).isEqualTo(GuildSettings.defaults(810_000_000_000_000_002L));
    }

    @Test
    void aZoneTheJvmDoesNotKnowStillReadsAndCountsAsUtc() {
        // GIVEN settings stored with a zone id this JVM's tz database does not have
        String json = "{\"guild_id\": 5, \"digest\": \"WEEKLY\", \"time_zone\": \"Mars/Olympus_Mons\", "
                + "\"updated_at\": \"2026-01-01T00:00:00Z\"}";

        // WHEN they are read
        GuildSettings settings = GuildSettingsJson.fromJson(json);

        // THEN nothing is lost, and digests use UTC
        assertThat(settings.timeZone()).isEqualTo("Mars/Olympus_Mons");
        assertThat(settings.zone()).isEqualTo(java.time.ZoneId.of("UTC"));
    }

    @Test
    void badJsonIsAClearError() {
        // GIVEN broken or invalid settings JSON
        // WHEN it is read
        // THEN the error says what is wrong, without a parser stack trace for the user
        assertThatThrownBy(() -> GuildSettingsJson.fromJson("{\"guild_id\": 1, "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not valid guild settings JSON");
        assertThatThrownBy(() -> GuildSettingsJson.fromJson("{\"guild_id\": -5, \"digest\": \"WEEKLY\", \"updated_at\": \"2026-01-01T00:00:00Z\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guildId must be a positive snowflake");
        assertThatThrownBy(() -> GuildSettingsJson.fromJson("{\"guild_id\": 5, \"digest\": \"SOMETIMES\", \"updated_at\": \"2026-01-01T00:00:00Z\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOMETIMES");
        assertThatThrownBy(() -> GuildSettingsJson.fromJson("null"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetentionIsStoredOnlyWhenTheGuildChoseOne() {
        // GIVEN the defaults, and settings with a chosen retention
        // WHEN they are written
        // THEN only the chosen one is in the JSON, under chosen_retention
        assertThat(GuildSettingsJson.toJson(GuildSettings.defaults(42))).doesNotContain("retention");
        assertThat(GuildSettingsJson.toJson(everyFieldChanged())).contains("\"chosen_retention\":{\"metrics_days\":30");
    }

    @Test
    void theRetentionFieldOfSettingsWrittenBeforeItCouldBeChosenIsIgnored() {
        // GIVEN settings as the previous version stored them: always with the seed's retention, which no admin chose
        String legacy = "{\"guild_id\": 42, \"digest\": \"WEEKLY\", \"updated_at\": \"2026-01-01T00:00:00Z\","
                + " \"retention\": {\"metrics_days\": 90, \"leaderboard_days\": 30, \"summary_days\": 180}}";

        // WHEN they are read
        GuildSettings settings = GuildSettingsJson.fromJson(legacy);

        // THEN the guild follows the deployment's default
        assertThat(settings.retention()).isNull();
    }
}
