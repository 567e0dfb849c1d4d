package io.serverpulse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.TimeWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep works in chunks; the total is still exact, and old batch ids are pruned after a week. */
class SqliteStoreSweepTest {

    private static final long GUILD = 810_000_000_000_000_001L;
    private static final Instant SWEEP_AT = Instant.parse("2026-06-15T00:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void aSweepLargerThanOneChunkDeletesExactlyTheExpiredRows() throws Exception {
        // GIVEN two chunks and a bit of expired channel-hour rows (90-day retention), and 3 rows not yet expired
        int due = 2 * GuildData.SWEEP_CHUNK + 7;
        Instant dueHour = SWEEP_AT.minus(Duration.ofDays(90));
        MetricBatch.Builder builder = MetricBatch.builder("many");
        for (int channel = 1; channel <= due; channel++) {
            builder.add(BucketKey.channelHour(GUILD, channel, dueHour), Counter.MESSAGES, 1);
        }
        for (int channel = 1; channel <= 3; channel++) {
            builder.add(BucketKey.channelHour(GUILD, channel, dueHour.plus(Duration.ofHours(1))), Counter.MESSAGES, 1);
        }
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            store.apply(builder.build());

            // WHEN expired rows are swept
            long deleted = store.sweepExpired(SWEEP_AT);

            // THEN every expired row is gone and counted, the others stay
            assertThat(deleted).isEqualTo(due);
            assertThat(store.buckets(BucketKind.CHANNEL_HOUR, GUILD, null, null, new TimeWindow(Instant.EPOCH, SWEEP_AT)))
                    .hasSize(3)
                    .allSatisfy(row -> assertThat(row.key().start()).isEqualTo(dueHour.plus(Duration.ofHours(1))));
        }
    }

    @Test
    void batchIdsArePrunedAWeekAfterTheyWereApplied() throws Exception {
        // GIVEN a batch applied at a known time
        Instant appliedAt = Instant.parse("2026-06-01T12:00:00Z");
        MetricBatch batch = MetricBatch.builder("pruned")
                .add(BucketKey.channelHour(GUILD, 11, Instant.parse("2026-06-01T12:00:00Z")), Counter.MESSAGES, 1).build();
        try (SqliteStore store = SqliteStore.open(dataDir, SqliteStore.Options.defaults().withClock(Clock.fixed(appliedAt, ZoneOffset.UTC)));
             Db db = Db.connect(dataDir)) {
            store.apply(batch);

            // WHEN sweeps run just before and exactly 7 days later
            store.sweepExpired(appliedAt.plus(SqliteStore.BATCH_ID_RETENTION).minusMillis(1));
            long keptBefore = db.count("applied_batches");
            long counted = store.sweepExpired(appliedAt.plus(SqliteStore.BATCH_ID_RETENTION));

            // THEN the id is remembered for the whole week, then pruned without being counted as guild data
            assertThat(keptBefore).isEqualTo(1);
            assertThat(db.count("applied_batches")).isZero();
            assertThat(counted).isZero();
        }
    }
}
