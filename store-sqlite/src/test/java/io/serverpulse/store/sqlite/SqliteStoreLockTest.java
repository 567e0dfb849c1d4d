package io.serverpulse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another connection holding the write lock makes writes fail cleanly, and the retry counts once. */
class SqliteStoreLockTest {

    private static final long GUILD = 810_000_000_000_000_001L;
    private static final Instant NOW = Instant.parse("2026-06-15T10:37:12.345Z");

    @TempDir
    Path dataDir;

    private static MetricBatch batch(String id, int messages) {
        MetricAggregator aggregator = new MetricAggregator(() -> id);
        for (int i = 0; i < messages; i++) {
            aggregator.add(new MessagePosted(GUILD, 11, 300, NOW));
        }
        return aggregator.drain();
    }

    private static LeaderboardQuery today() {
        return LeaderboardQuery.messages(GUILD, BucketKey.ALL_CHANNELS, Period.LAST_24_HOURS, NOW, 10);
    }

    @Test
    void lockedDatabaseFailsTheWriteAndTheSameBatchAppliesOnceAfterRelease() throws Exception {
        // GIVEN a store with a short busy timeout and one applied batch, and another connection holding an exclusive lock
        try (SqliteStore store = SqliteStore.open(dataDir, SqliteStore.Options.defaults().withBusyTimeout(Duration.ofMillis(200)));
             Db other = Db.connect(dataDir)) {
            store.apply(batch("first", 2));
            MetricBatch blocked = batch("blocked", 5);
            other.execute("BEGIN EXCLUSIVE");

            // WHEN a batch is applied while the lock is held
            // THEN the write fails with a StoreException, reads still answer, nothing of the batch is stored
            assertThatThrownBy(() -> store.apply(blocked))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("apply metric batch blocked")
                    .hasMessageContaining("SQLITE_BUSY");
            assertThat(store.topMembers(today())).containsExactly(new MemberCount(300, 2));
            assertThat(store.healthy()).isTrue();

            // AND WHEN the lock is released and the caller retries the same batch (twice)
            other.execute("ROLLBACK");
            store.apply(blocked);
            store.apply(blocked);

            // THEN it is counted exactly once
            assertThat(store.topMembers(today())).containsExactly(new MemberCount(300, 7));
            assertThat(other.count("applied_batches")).isEqualTo(2);
        }
    }

    @Test
    void otherWritesFailCleanlyTooWhileLocked() throws Exception {
        // GIVEN another connection holding an exclusive lock
        try (SqliteStore store = SqliteStore.open(dataDir, SqliteStore.Options.defaults().withBusyTimeout(Duration.ofMillis(100)));
             Db other = Db.connect(dataDir)) {
            other.execute("BEGIN EXCLUSIVE");

            // WHEN settings are saved and expired rows swept
            // THEN each fails with a StoreException, and works once the lock is gone
            assertThatThrownBy(() -> store.saveSettings(io.serverpulse.common.settings.GuildSettings.defaults(GUILD)))
                    .isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.sweepExpired(NOW)).isInstanceOf(StoreException.class);
            other.execute("ROLLBACK");
            store.saveSettings(io.serverpulse.common.settings.GuildSettings.defaults(GUILD));
            assertThat(store.findSettings(GUILD)).isPresent();
        }
    }
}
