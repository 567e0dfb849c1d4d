package io.serverpulse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.TimeWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Space freed by the retention sweep goes back to the file system; old files are converted once. */
class SqliteFileSpaceTest {

    private static final long GUILD = 810_000_000_000_000_001L;
    private static final Instant HOUR = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void aNewFileRunsInIncrementalAutoVacuumMode() throws Exception {
        // GIVEN / WHEN a store creates its file
        try (SqliteStore store = SqliteStore.open(dataDir); Db db = Db.connect(dataDir)) {
            // THEN the file can hand free pages back (auto_vacuum = 2, INCREMENTAL)
            assertThat(db.longs("PRAGMA auto_vacuum")).containsExactly(2L);
        }
    }

    @Test
    void theFileShrinksAfterTheSweepDeletedMostOfItsRows() throws Exception {
        // GIVEN 30,000 expired channel-hour rows and 10 that are not
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            write(store, 30_000, HOUR);
            write(store, 10, HOUR.plus(Duration.ofDays(30)));
            long full = fileSize();

            // WHEN the sweep runs after the first rows expired
            long deleted = store.sweepExpired(HOUR.plus(Duration.ofDays(90)));

            // THEN they are gone, and so is most of the file: no page is left free
            assertThat(deleted).isEqualTo(30_000);
            assertThat(store.buckets(BucketKind.CHANNEL_HOUR, GUILD, null, null, new TimeWindow(Instant.EPOCH, Instant.MAX)))
                    .hasSize(10);
            try (Db db = Db.connect(dataDir)) {
                assertThat(db.longs("PRAGMA freelist_count")).containsExactly(0L);
            }
            assertThat(fileSize()).isLessThan(full / 4);
        }
    }

    @Test
    void aFileOfAnOlderVersionIsConvertedOnceAtOpenWithItsDataIntact() throws Exception {
        // GIVEN a store file whose auto-vacuum mode is NONE, as files created before this version are
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            write(store, 100, HOUR);
        }
        try (Db db = Db.connect(dataDir)) {
            db.execute("PRAGMA auto_vacuum = NONE");
            db.execute("VACUUM");
            assertThat(db.longs("PRAGMA auto_vacuum")).containsExactly(0L);
        }

        // WHEN it is opened again
        try (SqliteStore store = SqliteStore.open(dataDir); Db db = Db.connect(dataDir)) {
            // THEN it runs in incremental mode, with every row still there
            assertThat(db.longs("PRAGMA auto_vacuum")).containsExactly(2L);
            assertThat(store.buckets(BucketKind.CHANNEL_HOUR, GUILD, null, null, new TimeWindow(Instant.EPOCH, Instant.MAX)))
                    .hasSize(100);
        }
    }

    private static void write(SqliteStore store, int rows, Instant hour) {
        MetricBatch.Builder batch = MetricBatch.builder();
        for (int channel = 1; channel <= rows; channel++) {
            batch.add(BucketKey.channelHour(GUILD, channel, hour), Counter.MESSAGES, channel);
        }
        store.apply(batch.build());
    }

    private long fileSize() throws Exception {
        Path file = dataDir.resolve(SqliteStore.FILE_NAME);
        Path wal = dataDir.resolve(SqliteStore.FILE_NAME + "-wal");
        return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
    }
}
