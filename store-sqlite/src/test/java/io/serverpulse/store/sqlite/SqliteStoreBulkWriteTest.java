package io.serverpulse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches larger than one transaction, and what other callers see while a bulk write is running. */
class SqliteStoreBulkWriteTest {

    private static final long GUILD = 810_000_000_000_000_001L;
    private static final Instant NOW = Instant.parse("2026-06-15T10:37:12.345Z");
    private static final int MEMBERS = 2 * MetricWriter.CHUNK + MetricWriter.CHUNK / 4;

    @TempDir
    Path dataDir;

    /** One message by each of {@link #MEMBERS} members (plus the bucket of the guild's busiest member, 1, with 7). */
    private static MetricBatch manyMembers(String id) {
        MetricBatch.Builder batch = MetricBatch.builder(id);
        for (int member = 1; member <= MEMBERS; member++) {
            batch.add(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, member, NOW), Counter.MESSAGES, member == 1 ? 7 : 1);
        }
        return batch.build();
    }

    private static LeaderboardQuery top(int limit) {
        return LeaderboardQuery.messages(GUILD, BucketKey.ALL_CHANNELS, Period.LAST_7_DAYS, NOW, limit);
    }

    private static long total(SqliteStore store) {
        return store.buckets(BucketKind.MEMBER_DAY, GUILD, BucketKey.ALL_CHANNELS, null, Period.LAST_7_DAYS.window(NOW)).stream()
                .mapToLong(row -> row.counters().getOrDefault(Counter.MESSAGES, 0L)).sum();
    }

    @Test
    void aBatchOfSeveralChunksThatFailsPartWayCountsOnceWhenRetried() throws Exception {
        // GIVEN a batch of three chunks whose write fails in the middle of its second chunk
        FailNextApply faults = new FailNextApply();
        try (SqliteStore store = SqliteStore.open(dataDir, SqliteStore.Options.defaults().withFaultHook(faults))) {
            MetricBatch batch = manyMembers("big");
            faults.arm(MetricWriter.CHUNK + MetricWriter.CHUNK / 2);

            // WHEN it is applied (and fails), then retried twice
            assertThatThrownBy(() -> store.apply(batch)).isInstanceOf(StoreException.class);
            long afterFailure = total(store);
            store.apply(batch);
            store.apply(batch);

            // THEN the first chunk was kept by the failed attempt, and in the end every increment counts once
            assertThat(afterFailure).isEqualTo(MetricWriter.CHUNK + 6);
            assertThat(total(store)).isEqualTo(MEMBERS + 6);
            assertThat(store.topMembers(top(2))).containsExactly(new MemberCount(1, 7), new MemberCount(2, 1));
        }
        try (Db db = Db.connect(dataDir)) {
            assertThat(db.strings("SELECT batch_id FROM applied_batches ORDER BY batch_id"))
                    .containsExactly("big#1/3", "big#2/3", "big#3/3");
        }
    }

    @Test
    void readsAndSettingsChangesGoOnWhileABulkWriteIsRunning() throws Exception {
        // GIVEN a store with some counts, and a bulk write that stops inside its first chunk until released
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ApplyFaultHook pause = (batch, index) -> {
            if (batch.batchId().equals("bulk") && index == 10) {
                inside.countDown();
                await(release);
            }
        };
        try (SqliteStore store = SqliteStore.open(dataDir, SqliteStore.Options.defaults().withFaultHook(pause)
                .withBusyTimeout(Duration.ofSeconds(30)))) {
            store.apply(MetricBatch.builder("before").add(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, 9, NOW),
                    Counter.MESSAGES, 3).build());
            CompletableFuture<Void> bulk = CompletableFuture.runAsync(() -> store.apply(manyMembers("bulk")));
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

            // WHEN a leaderboard and the settings are read meanwhile
            // THEN they answer at once, with what was committed before the bulk write
            assertThat(CompletableFuture.supplyAsync(() -> store.topMembers(top(10))).get(5, TimeUnit.SECONDS))
                    .containsExactly(new MemberCount(9, 3));
            assertThat(CompletableFuture.supplyAsync(() -> store.settings(GUILD)).get(5, TimeUnit.SECONDS).digest())
                    .isEqualTo(DigestFrequency.WEEKLY);

            // AND WHEN a settings change comes in meanwhile (it waits for one chunk of the bulk write at most)
            CompletableFuture<Void> change = CompletableFuture.runAsync(() ->
                    store.updateSettings(GUILD, s -> s.withDigest(DigestFrequency.NONE, NOW)));
            release.countDown();
            change.get(60, TimeUnit.SECONDS);
            bulk.get(60, TimeUnit.SECONDS);
            // THEN both are stored
            assertThat(store.settings(GUILD).digest()).isEqualTo(DigestFrequency.NONE);
            assertThat(total(store)).isEqualTo(MEMBERS + 6 + 3);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
