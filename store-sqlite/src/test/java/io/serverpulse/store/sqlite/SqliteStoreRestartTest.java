package io.serverpulse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps everything across a restart of the process, and across a kill -9. */
class SqliteStoreRestartTest {

    private static final long GUILD = 810_000_000_000_000_001L;
    private static final long GENERAL = 900_000_000_000_000_011L;
    private static final Instant NOW = Instant.parse("2026-06-15T10:37:12.345Z");
    private static final TimeWindow EVERYTHING = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    @TempDir
    Path dataDir;

    private static MetricBatch activity() {
        MetricAggregator aggregator = new MetricAggregator(() -> "restart-1");
        for (int i = 0; i < 7; i++) {
            aggregator.add(new MessagePosted(GUILD, GENERAL, 300, NOW.minusSeconds(60L * i)));
        }
        aggregator.add(new MessagePosted(GUILD, GENERAL, 200, NOW.minusSeconds(3 * 86_400)));
        aggregator.add(new ReactionAdded(GUILD, GENERAL, 200, "👍", NOW));
        return aggregator.drain();
    }

    private static List<MemberCount> allTime(SqliteStore store) {
        return store.topMembers(LeaderboardQuery.messages(GUILD, BucketKey.ALL_CHANNELS, Period.ALL_TIME, NOW, 10));
    }

    @Test
    void countsSettingsAndBatchIdsSurviveARestart() {
        // GIVEN a store with settings, counters, member events and an alert, closed like a stopped bot
        GuildSettings settings = GuildSettings.defaults(GUILD)
                .withCollectChannels(Set.of(GENERAL), NOW)
                .withDigest(DigestFrequency.DAILY, NOW)
                .withRetention(new Retention(60, 10, 90), NOW);
        MetricBatch batch = activity();
        MemberEvent join = new MemberEvent(GUILD, 300, MemberEvent.Kind.JOIN, NOW);
        AlertRecord alert = new AlertRecord(AlertRecord.idFor(GUILD, AlertType.JOIN_RAID, NOW), GUILD, AlertType.JOIN_RAID,
                Severity.CRITICAL, NOW, null, List.of(GENERAL), 14, 2.0, "usually 2 joins/min, now 14 in 60 s");
        List<MemberCount> before;
        List<BucketRow> hoursBefore;
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            store.saveSettings(settings);
            store.apply(batch);
            store.recordMemberEvents(List.of(join));
            store.saveAlert(alert);
            before = allTime(store);
            hoursBefore = store.buckets(BucketKind.CHANNEL_HOUR, GUILD, GENERAL, null, EVERYTHING);
        }

        // WHEN the store is opened again from the same directory
        try (SqliteStore reopened = SqliteStore.open(dataDir)) {

            // THEN every count, setting and row is back, and a late retry of the batch still counts nothing twice
            assertThat(before).containsExactly(new MemberCount(300, 7), new MemberCount(200, 1));
            assertThat(allTime(reopened)).isEqualTo(before);
            assertThat(reopened.buckets(BucketKind.CHANNEL_HOUR, GUILD, GENERAL, null, EVERYTHING)).isEqualTo(hoursBefore);
            assertThat(reopened.findSettings(GUILD)).contains(settings);
            assertThat(reopened.memberEvents(GUILD, EVERYTHING)).containsExactly(join);
            assertThat(reopened.alerts(GUILD, EVERYTHING)).containsExactly(alert);
            reopened.apply(batch);
            assertThat(allTime(reopened)).isEqualTo(before);
        }
    }

    @Test
    void aKilledWriterLeavesWholeBatchesOnlyAndRetriesCountOnce() throws Exception {
        // GIVEN a separate JVM applying batch after batch, killed (SIGKILL) while it writes
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            CompletableFuture<Boolean> thirtyApplied = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.equals("applied 30")) {
                            return true;
                        }
                    }
                    return false;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            assertThat(thirtyApplied.get(120, TimeUnit.SECONDS)).as("the writer applied 30 batches").isTrue();
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        // WHEN the store is opened after the crash
        try (SqliteStore store = SqliteStore.open(dataDir); Db db = Db.connect(dataDir)) {
            long recorded = db.count("applied_batches");
            List<MemberCount> board = store.topMembers(
                    LeaderboardQuery.messages(CrashingWriter.GUILD, BucketKey.ALL_CHANNELS, Period.ALL_TIME, NOW, 1));

            // THEN exactly the recorded batches are counted, each wholly
            assertThat(recorded).isGreaterThanOrEqualTo(30);
            assertThat(board).containsExactly(new MemberCount(CrashingWriter.ALICE, recorded));
            assertThat(db.count("user_daily WHERE member_id >= 1000 AND channel_id = 0")).isEqualTo(recorded);

            // AND WHEN every batch the writer may have sent is sent again, plus ten it never reached
            int resent = (int) recorded + 10;
            for (int i = 0; i < resent; i++) {
                store.apply(CrashingWriter.batch(i));
            }

            // THEN each batch is counted exactly once
            assertThat(store.topMembers(LeaderboardQuery.messages(CrashingWriter.GUILD, BucketKey.ALL_CHANNELS, Period.ALL_TIME, NOW, 1)))
                    .containsExactly(new MemberCount(CrashingWriter.ALICE, resent));
            assertThat(db.longs("SELECT messages FROM user_daily WHERE member_id >= 1000 AND channel_id = 0"))
                    .hasSize(resent).containsOnly(1L);
            assertThat(store.buckets(BucketKind.CHANNEL_HOUR, CrashingWriter.GUILD, CrashingWriter.CHANNEL, null, EVERYTHING))
                    .extracting(row -> row.get(Counter.MESSAGES)).containsExactly(2L * resent);
        }
    }
}
