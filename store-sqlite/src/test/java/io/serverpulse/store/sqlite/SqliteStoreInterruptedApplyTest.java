package io.serverpulse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch whose transaction dies part-way leaves nothing behind. */
class SqliteStoreInterruptedApplyTest {

    private static final long GUILD = 810_000_000_000_000_001L;
    private static final Instant NOW = Instant.parse("2026-06-15T10:37:12.345Z");

    @TempDir
    Path dataDir;

    private static MetricBatch batch(String id) {
        MetricAggregator aggregator = new MetricAggregator(() -> id);
        aggregator.add(new MessagePosted(GUILD, 11, 300, NOW));
        aggregator.add(new ReactionAdded(GUILD, 12, 200, "👍", NOW));
        aggregator.add(new MemberJoined(GUILD, 400, NOW));
        return aggregator.drain();
    }

    private static long bucketRows(Db db) throws Exception {
        long rows = 0;
        for (BucketKind kind : BucketKind.values()) {
            rows += db.count(kind.collection());
        }
        return rows;
    }

    @Test
    void aTransactionKilledAtAnyPointLeavesNothingBehind() throws Exception {
        // GIVEN a store with one applied batch
        FailNextApply faults = new FailNextApply();
        try (SqliteStore store = SqliteStore.open(dataDir, SqliteStore.Options.defaults().withFaultHook(faults));
             Db db = Db.connect(dataDir)) {
            MetricBatch earlier = batch("earlier");
            store.apply(earlier);
            long rowsBefore = bucketRows(db);
            String sumsBefore = db.strings("SELECT group_concat(messages || '/' || reactions || '/' || joins) FROM "
                    + "(SELECT * FROM hourly_metrics ORDER BY channel_id)").get(0);
            MetricBatch batch = batch("interrupted");

            // WHEN the next batch's transaction dies after 0, 1, … and all of its upserts
            for (int failAfter = 0; failAfter <= batch.size(); failAfter++) {
                faults.arm(failAfter);
                assertThatThrownBy(() -> store.apply(batch)).isInstanceOf(StoreException.class);

                // THEN no row, counter or batch id of it is in the database
                assertThat(bucketRows(db)).isEqualTo(rowsBefore);
                assertThat(db.strings("SELECT group_concat(messages || '/' || reactions || '/' || joins) FROM "
                        + "(SELECT * FROM hourly_metrics ORDER BY channel_id)").get(0)).isEqualTo(sumsBefore);
                assertThat(db.strings("SELECT batch_id FROM applied_batches")).containsExactly("earlier");
            }

            // AND the store still works: the retried batch lands once
            store.apply(batch);
            store.apply(batch);
            assertThat(db.longs("SELECT messages FROM hourly_metrics WHERE channel_id = 11")).containsExactly(2L);
            assertThat(db.strings("SELECT batch_id FROM applied_batches ORDER BY batch_id")).containsExactly("earlier", "interrupted");
        }
    }
}
