package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.NOW;
import static io.serverpulse.common.commands.CommandKit.OTHER_GUILD;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static io.serverpulse.common.commands.CommandKit.withOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.commands.export.ExportFormat;
import io.serverpulse.common.commands.export.GuildExport;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.privacy.MemberOptOut;
import io.serverpulse.common.settings.GuildSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportReportCommandTest {

    private static final long ALICE = 200000000000000001L;
    private static final long STRANGER = 300000000000000009L;

    private final CommandKit kit = new CommandKit();
    private String sealedKey;

    @BeforeEach
    void aGuildWithDataAndAnotherGuild() {
        sealedKey = kit.sealer.seal(GUILD, "sk-secret-key-000000");
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), Instant.EPOCH)
                .withAi(AiProvider.GROQ, null, sealedKey, Instant.EPOCH));
        kit.post(GUILD, GENERAL, ALICE, 7, NOW.minus(Duration.ofHours(2)));
        kit.store.recordMemberEvents(List.of(new MemberEvent(GUILD, ALICE, MemberEvent.Kind.JOIN, NOW.minus(Duration.ofDays(1)))));
        Instant raid = NOW.minus(Duration.ofHours(5));
        kit.store.saveAlert(new AlertRecord(AlertRecord.idFor(GUILD, AlertType.JOIN_RAID, raid), GUILD, AlertType.JOIN_RAID,
                Severity.WARNING, raid, null, List.of(), 14, 2.0, "=usually 2 joins/min, now 14 in 60 s"));
        kit.store.saveSettings(GuildSettings.defaults(OTHER_GUILD));
        kit.post(OTHER_GUILD, 999L, STRANGER, 3, NOW.minus(Duration.ofHours(2)));
    }

    @Test
    void exportIsDeferredPrivatelyAndFinishedWithAJsonFile() throws Exception {
        // GIVEN / WHEN an admin runs /export-report json and the worker finishes it
        Answer answer = kit.run(fixture("export-report.json"));
        FollowUp followUp = kit.complete(answer.work());

        // THEN the first answer is an ephemeral "thinking…"
        assertThat(answer.type()).isEqualTo(5);
        assertThat(answer.ephemeral()).isTrue();
        // ... and the edit carries this guild's data as a JSON file
        assertThat(followUp.body().path("content").asText()).startsWith("📦 This server’s data as JSON, all time (");
        FileAttachment file = followUp.files().get(0);
        assertThat(file.filename()).isEqualTo("serverpulse-1176201535215009852-20261128.json");
        assertThat(file.contentType()).isEqualTo("application/json");
        String text = new String(file.bytes(), StandardCharsets.UTF_8);
        JsonNode export = CommandKit.JSON.readTree(text);
        assertThat(export.path("guild_id").asText()).isEqualTo("1176201535215009852");
        assertThat(export.path("settings").path("collect_channels").get(0).asText()).isEqualTo("1176201535215009855");
        assertThat(export.path("settings").path("ai_provider").asText()).isEqualTo("groq");
        assertThat(export.path("settings").path("ai_key_set").asBoolean()).isTrue();
        assertThat(export.path("metrics").size()).isGreaterThanOrEqualTo(5);
        assertThat(export.path("metrics").findValues("messages")).allMatch(count -> count.asLong() == 7);
        assertThat(export.path("member_events").get(0).path("kind").asText()).isEqualTo("join");
        assertThat(export.path("alerts").get(0).path("type").asText()).isEqualTo("raid");
        // ... and nothing of the other guild, nor the sealed key
        assertThat(text).doesNotContain("300000000000000009").doesNotContain("1176201535215009999").doesNotContain(sealedKey);
    }

    @Test
    void csvExportHasOneRowPerValue() throws Exception {
        // GIVEN / WHEN /export-report csv is finished
        Answer answer = kit.run(withOptions(fixture("export-report.json"), "[{\"name\":\"format\",\"type\":3,\"value\":\"csv\"}]"));
        FollowUp followUp = kit.complete(answer.work());

        // THEN the file is CSV with a header and rows a spreadsheet reads safely
        FileAttachment file = followUp.files().get(0);
        assertThat(file.filename()).endsWith(".csv");
        assertThat(file.contentType()).isEqualTo("text/csv");
        String text = new String(file.bytes(), StandardCharsets.UTF_8);
        List<List<String>> rows;
        try (MappingIterator<List<String>> iterator = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(text)) {
            rows = iterator.readAll();
        }
        assertThat(rows.get(0)).containsExactly("record", "time", "channel_id", "member_id", "key", "value", "details");
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly("user_daily", "2026-11-28T00:00:00Z",
                "1176201535215009855", "200000000000000001", "messages", "7", ""));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsSubsequence("setting").contains("ai_key_set", "true"));
        assertThat(rows).anySatisfy(row -> assertThat(row.get(6)).startsWith("severity=warning"));
        assertThat(text).doesNotContain("300000000000000009").doesNotContain(sealedKey);
        assertThat(answer.text()).doesNotContain("csv,");
    }

    @Test
    void anExportLargerThanDiscordAllowsIsExplained() {
        // GIVEN an interaction whose attachment limit is tiny
        var body = fixture("export-report.json");
        body.put("attachment_size_limit", 100);

        // WHEN / THEN the edit explains instead of failing
        FollowUp followUp = kit.complete(kit.run(body).work());
        assertThat(followUp.files()).isEmpty();
        assertThat(followUp.body().path("content").asText())
                .startsWith("The export is about 1 MB: even zipped and split into 10 files it is more than the 0 MB per file");
    }

    @Test
    void anExportWhoseStoreFailsSaysNothingWasExported() {
        // GIVEN an export that was deferred, then the store went away
        Answer answer = kit.run(fixture("export-report.json"));
        kit.store.close();

        // WHEN / THEN the edit says the storage is unavailable
        FollowUp followUp = kit.complete(answer.work());
        assertThat(followUp.body().path("content").asText()).startsWith("⚠️ ServerPulse’s storage is unavailable");
        assertThat(followUp.files()).isEmpty();
    }

    @Test
    void aPeriodKeepsOnlyTheRowsAlertsAndSummariesOfThatPeriod() throws Exception {
        // GIVEN activity, an alert and a summary 40 days ago besides this week's
        Instant old = NOW.minus(Duration.ofDays(40));
        kit.post(GUILD, GENERAL, ALICE, 5, old);
        kit.store.saveAlert(new AlertRecord(AlertRecord.idFor(GUILD, AlertType.MASS_DELETION, old), GUILD, AlertType.MASS_DELETION,
                Severity.WARNING, old, old.plusSeconds(60), List.of(GENERAL), 12, 1.0, "old"));
        kit.store.saveSummary(new AiSummary(GUILD, "weekly:old", AiProvider.GROQ, "m", "old week", old));
        kit.store.saveSummary(new AiSummary(GUILD, "weekly:this", AiProvider.GROQ, "m", "this week", NOW.minus(Duration.ofDays(1))));

        // WHEN /export-report json period:7d is finished
        FollowUp followUp = kit.complete(kit.run(withOptions(fixture("export-report.json"),
                "[{\"name\":\"format\",\"type\":3,\"value\":\"json\"},{\"name\":\"period\",\"type\":3,\"value\":\"7d\"}]"))
                .work());

        // THEN only this week's rows, alert and summary are in it, and the settings
        assertThat(followUp.body().path("content").asText()).startsWith("📦 This server’s data as JSON, the last 7 days (");
        FileAttachment file = followUp.files().get(0);
        assertThat(file.filename()).isEqualTo("serverpulse-1176201535215009852-20261128-7d.json");
        JsonNode export = CommandKit.JSON.readTree(file.bytes());
        assertThat(export.path("period").path("label").asText()).isEqualTo("7d");
        assertThat(export.path("metrics").findValues("start")).allSatisfy(start ->
                assertThat(Instant.parse(start.asText())).isAfter(NOW.minus(Duration.ofDays(8))));
        assertThat(export.path("metrics").findValues("messages")).allMatch(count -> count.asLong() == 7);
        assertThat(export.path("alerts")).singleElement().satisfies(a -> assertThat(a.path("type").asText()).isEqualTo("raid"));
        assertThat(export.path("ai_summaries")).singleElement()
                .satisfies(a -> assertThat(a.path("text").asText()).isEqualTo("this week"));
        assertThat(export.path("settings").path("ai_key_set").asBoolean()).isTrue();
    }

    @Test
    void membersWhoOptedOutAreLeftOutOfTheExport() throws Exception {
        // GIVEN Alice opted out after she was counted
        kit.store.optOut(new MemberOptOut(GUILD, ALICE, NOW.minus(Duration.ofMinutes(5))));

        // WHEN the guild is exported
        FollowUp followUp = kit.complete(kit.run(fixture("export-report.json")).work());

        // THEN none of her rows or records is in it, the channel totals are, and the answer says one member is left out
        String text = new String(followUp.files().get(0).bytes(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(Long.toString(ALICE)).contains("hourly_metrics");
        JsonNode export = CommandKit.JSON.readTree(text);
        assertThat(export.path("opted_out_members").asInt()).isEqualTo(1);
        assertThat(export.path("member_events")).isEmpty();
        assertThat(followUp.body().path("content").asText()).endsWith("1 member who opted out is left out.");
    }

    @Test
    void anExportTooLargeForOneFileIsZippedAndThenSplitIntoCompleteParts() throws Exception {
        // GIVEN a month of activity of 60 members in 5 channels
        for (int member = 1; member <= 60; member++) {
            for (int day = 0; day < 30; day++) {
                kit.post(GUILD, GENERAL + member % 5, 200000000000000100L + member, 1 + member % 7, NOW.minus(Duration.ofDays(day)));
            }
        }
        byte[] plain = GuildExport.of(kit.store, GUILD, NOW).bytes(ExportFormat.JSON);
        byte[] zipped = zipSize(plain);

        // WHEN it is exported with a limit the zip fits but the plain file does not, then with one the zip does not fit
        FollowUp zippedAnswer = withLimit(plain.length - 1);
        FollowUp splitAnswer = withLimit(zipped.length * 2 / 5);

        // THEN the first is one zip of the whole file
        assertThat(zippedAnswer.files()).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("serverpulse-1176201535215009852-20261128.zip");
            assertThat(f.contentType()).isEqualTo("application/zip");
            assertThat(unzip(f.bytes())).isEqualTo(plain);
        });
        assertThat(zippedAnswer.body().path("content").asText()).contains("It is zipped to fit Discord’s limit on attachments.");
        // ... the second several zips, each within the limit and a complete JSON file, together holding every record once
        List<FileAttachment> parts = splitAnswer.files();
        assertThat(parts).hasSizeBetween(3, 10).allSatisfy(f -> assertThat(f.size()).isLessThanOrEqualTo(zipped.length * 2 / 5));
        assertThat(parts.get(0).filename()).isEqualTo("serverpulse-1176201535215009852-20261128-part1of" + parts.size() + ".zip");
        JsonNode whole = CommandKit.JSON.readTree(plain);
        List<JsonNode> metrics = new java.util.ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode part = CommandKit.JSON.readTree(unzip(parts.get(i).bytes()));
            assertThat(part.path("part").asInt()).isEqualTo(i + 1);
            assertThat(part.path("parts").asInt()).isEqualTo(parts.size());
            assertThat(part.path("settings").isNull()).isEqualTo(i > 0);
            part.path("metrics").forEach(metrics::add);
        }
        assertThat(metrics).containsExactlyElementsOf(whole.path("metrics"));
        assertThat(splitAnswer.body().path("content").asText())
                .contains("it is split into " + parts.size() + " zip files, each a complete JSON file of part of the records");
    }

    private FollowUp withLimit(long limit) {
        var body = fixture("export-report.json");
        body.put("attachment_size_limit", limit);
        return kit.complete(kit.run(body).work());
    }

    private static byte[] zipSize(byte[] plain) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new java.util.zip.ZipEntry("x.json"));
            zip.write(plain);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] unzip(byte[] zip) throws Exception {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            assertThat(in.getNextEntry()).isNotNull();
            byte[] bytes = in.readAllBytes();
            assertThat(in.getNextEntry()).isNull();
            return bytes;
        }
    }
}
