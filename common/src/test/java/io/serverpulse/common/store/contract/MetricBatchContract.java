package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.ALICE;
import static io.serverpulse.common.store.contract.ContractFixtures.BOB;
import static io.serverpulse.common.store.contract.ContractFixtures.EVERYTHING;
import static io.serverpulse.common.store.contract.ContractFixtures.GENERAL;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static io.serverpulse.common.store.contract.ContractFixtures.mc;
import static io.serverpulse.common.store.contract.ContractFixtures.mixedBatch;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The write side of the {@link io.serverpulse.common.metrics.MetricsStore} part of the storage
 * contract: idempotent metric batches.
 *
 * <p>A batch may reach a store twice (the caller timed out and retried) or after an attempt that died
 * part-way. The contract only fixes the outcome: after any number of complete or interrupted
 * attempts followed by one complete attempt, every increment of the batch is counted exactly once.
 * How is up to the adapter: SQLite writes the whole batch and its id in one transaction (an
 * interrupted attempt leaves nothing, a recorded id makes a retry a no-op); MongoDB, which cannot
 * rely on transactions, must remember the batch id per bucket so that a retry skips the buckets a
 * broken unordered bulk already reached. {@link #interrupt} lets each adapter produce its own
 * realistic half-done write ({@link StoreContract#applyInterrupted}).
 */
public interface MetricBatchContract extends StoreContractPart {

    /**
     * Writes {@code batch} the way this adapter's writes really die part-way, after at most its
     * first {@code failAfterIncrements} increments reached the database, ignoring the failure it
     * reports; the store stays usable.
     */
    void interrupt(MetricBatch batch, int failAfterIncrements);

    private List<BucketRow> allBuckets() {
        List<BucketRow> rows = new ArrayList<>(Exported.of(store(), GUILD_A).buckets);
        rows.addAll(Exported.of(store(), GUILD_B).buckets);
        return rows;
    }

    @Test
    default void appliedBatchIsStoredExactly() {
        // GIVEN a batch touching every kind of bucket
        MetricBatch batch = mixedBatch("mixed-1");

        // WHEN it is applied once
        store().apply(batch);

        // THEN the stored rows are exactly its increments
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(batch));
    }

    @Test
    default void sameBatchAppliedTwiceCountsOnce() {
        // GIVEN a batch that was applied
        MetricBatch batch = mixedBatch("mixed-2");
        store().apply(batch);

        // WHEN the same batch arrives again (a retry after a timeout), twice
        store().apply(batch);
        store().apply(batch);

        // THEN every counter still holds exactly one application
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(batch));
        assertThat(top(GUILD_A, BucketKey.ALL_CHANNELS, Period.LAST_24_HOURS, 10)).containsExactly(mc(ALICE, 3), mc(BOB, 2));
    }

    @Test
    default void differentBatchesToTheSameBucketsAddUp() {
        // GIVEN two batches with different ids and the same buckets
        MetricBatch first = mixedBatch("mixed-3a");
        MetricBatch second = mixedBatch("mixed-3b");

        // WHEN both are applied
        store().apply(first);
        store().apply(second);

        // THEN every counter is doubled
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(first, second));
        assertThat(allBuckets()).allSatisfy(row -> assertThat(row.counters().values()).allSatisfy(v -> assertThat(v % 2).isZero()));
    }

    /** Cut points 0, 1, half, all-but-one and all of the batch's increments. */
    private static int cut(int which, int size) {
        return switch (which) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> size / 2;
            case 3 -> size - 1;
            default -> size;
        };
    }

    @ParameterizedTest(name = "cut point {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    default void interruptedBatchRetriedCountsOnce(int which) {
        // GIVEN a write of the batch that died part-way
        MetricBatch batch = mixedBatch("mixed-4");
        interrupt(batch, cut(which, batch.size()));

        // WHEN the caller retries the same batch
        store().apply(batch);

        // THEN every increment is counted exactly once
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(batch));
    }

    @Test
    default void repeatedInterruptionsThenRetriesCountOnce() {
        // GIVEN a batch whose writes died twice at different points, with another batch in between
        MetricBatch batch = mixedBatch("mixed-5");
        MetricBatch other = new Activity().messages(GUILD_A, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 1).batch("other-5");
        interrupt(batch, batch.size() / 3);
        store().apply(other);
        interrupt(batch, 2 * batch.size() / 3);

        // WHEN it is retried, succeeds, and is retried once more (and dies again)
        store().apply(batch);
        interrupt(batch, 1);
        store().apply(batch);

        // THEN the batch is counted once, plus the other batch's message
        assertThat(top(GUILD_A, GENERAL, Period.LAST_24_HOURS, 10)).containsExactly(mc(ALICE, 4));
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(batch, other));
    }

    @Test
    default void emptyBatchChangesNothing() {
        // GIVEN an empty batch
        MetricBatch empty = MetricBatch.builder("empty-1").build();

        // WHEN it is applied
        store().apply(empty);

        // THEN nothing is stored
        assertThat(allBuckets()).isEmpty();
    }

    @Test
    default void concurrentBatchesAndRetriesAllCountOnce() throws Exception {
        // GIVEN 24 batches adding to the same buckets, each sent twice, from 4 threads
        int batches = 24;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                MetricBatch batch = new Activity()
                        .messages(GUILD_A, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 1)
                        .messages(GUILD_A, GENERAL, 1000 + i, at("2026-06-15T10:05:00Z"), 1)
                        .batch("concurrent-" + i);
                done.add(pool.submit(() -> {
                    store().apply(batch);
                    store().apply(batch);
                }));
            }

            // WHEN all of them have been written
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // THEN each batch counted once
        assertThat(top(GUILD_A, GENERAL, Period.LAST_24_HOURS, 1)).containsExactly(mc(ALICE, batches));
        assertThat(store().buckets(BucketKind.CHANNEL_HOUR, GUILD_A, GENERAL, null, EVERYTHING))
                .extracting(row -> row.get(Counter.MESSAGES)).containsExactly(2L * batches);
    }

}
