package io.serverpulse.common.commands.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuildExportTest {

    private static final long GUILD = 1176201535215009852L;
    private static final Instant NOW = Instant.parse("2026-11-28T18:30:00Z");

    @Test
    void cellsThatSpreadsheetsWouldRunAsFormulasStayText() {
        // GIVEN an AI summary whose text starts like a formula
        InMemoryStore store = new InMemoryStore();
        store.saveSummary(new AiSummary(GUILD, "weekly:2026-11-23", AiProvider.OPENAI, "m",
                "=HYPERLINK(\"http://example.invalid\",\"click\")", NOW));

        // WHEN the guild is exported as CSV
        String csv = new String(GuildExport.of(store, GUILD, NOW).bytes(ExportFormat.CSV), StandardCharsets.UTF_8);

        // THEN the cell is prefixed so that it is shown, not evaluated; plain numbers stay numbers
        assertThat(csv).contains("\"'=HYPERLINK(").doesNotContain(",\"=HYPERLINK(");
        assertThat(GuildExport.spreadsheetSafe("-12")).isEqualTo("-12");
        assertThat(GuildExport.spreadsheetSafe("-rm")).isEqualTo("'-rm");
        assertThat(GuildExport.spreadsheetSafe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(GuildExport.spreadsheetSafe("plain")).isEqualTo("plain");
    }

    @Test
    void fallbackProvidersAreExportedWithoutTheirKeys() throws Exception {
        // GIVEN a guild with a first provider and a fallback, both with sealed keys
        InMemoryStore store = new InMemoryStore();
        store.saveSettings(io.serverpulse.common.settings.GuildSettings.defaults(GUILD).withAiChain(java.util.List.of(
                new io.serverpulse.common.ai.AiProviderEntry(AiProvider.OPENAI, null, "v1:c2VhbGVkLW9wZW5haQ"),
                new io.serverpulse.common.ai.AiProviderEntry(AiProvider.GROQ, "llama-test", "v1:c2VhbGVkLWdyb3E")), NOW));

        // WHEN it is exported
        byte[] bytes = GuildExport.of(store, GUILD, NOW).bytes(ExportFormat.JSON);

        // THEN the providers, models and whether a key is set are in it, never a sealed key
        var settings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes).path("settings");
        assertThat(settings.path("ai_provider").asText()).isEqualTo("openai");
        assertThat(settings.path("ai_fallbacks").toString())
                .isEqualTo("[{\"provider\":\"groq\",\"model\":\"llama-test\",\"key_set\":true}]");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("v1:");
    }

    @Test
    void postedDigestsAndTheTimeZoneAreInTheExport() throws Exception {
        // GIVEN a guild in Berlin whose weekly digest was posted, and another guild's digest
        InMemoryStore store = new InMemoryStore();
        store.saveSettings(io.serverpulse.common.settings.GuildSettings.defaults(GUILD).withTimeZone("Europe/Berlin", NOW));
        store.claimDigest(GUILD, "weekly:2026-11-16", "attempt-1", NOW, java.time.Duration.ofMinutes(10));
        store.digestPosted(GUILD, "weekly:2026-11-16", "attempt-1", 1176201535215009855L, 1400000000000000001L, NOW.plusSeconds(3));
        store.claimDigest(42L, "weekly:2026-11-16", "attempt-2", NOW, java.time.Duration.ofMinutes(10));

        // WHEN the guild is exported as JSON and CSV
        GuildExport export = GuildExport.of(store, GUILD, NOW);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(export.bytes(ExportFormat.JSON));
        String csv = new String(export.bytes(ExportFormat.CSV), StandardCharsets.UTF_8);

        // THEN its digest (where it was posted) and its zone are in it, nothing of the other guild
        assertThat(json.path("settings").path("time_zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(json.path("digests")).hasSize(1);
        assertThat(json.path("digests").get(0).path("period_key").asText()).isEqualTo("weekly:2026-11-16");
        assertThat(json.path("digests").get(0).path("message_id").asText()).isEqualTo("1400000000000000001");
        assertThat(csv).contains("digest,2026-11-28T18:30:03Z,1176201535215009855,,weekly:2026-11-16,1400000000000000001,posted");
        assertThat(export.records()).isEqualTo(2);
    }

    @Test
    void anEmptyGuildExportsAnEmptyButValidFile() throws Exception {
        // GIVEN a guild with nothing stored
        InMemoryStore store = new InMemoryStore();

        // WHEN it is exported
        GuildExport export = GuildExport.of(store, GUILD, NOW);

        // THEN the JSON names the guild and has empty lists; the CSV has its header only
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(export.bytes(ExportFormat.JSON));
        assertThat(json.path("guild_id").asText()).isEqualTo("1176201535215009852");
        assertThat(json.path("settings").isNull()).isTrue();
        assertThat(json.path("metrics")).isEmpty();
        assertThat(export.records()).isZero();
        assertThat(new String(export.bytes(ExportFormat.CSV), StandardCharsets.UTF_8).strip())
                .isEqualTo("record,time,channel_id,member_id,key,value,details");
    }
}
