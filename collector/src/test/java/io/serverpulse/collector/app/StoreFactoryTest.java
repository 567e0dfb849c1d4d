package io.serverpulse.collector.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured RETENTION_* defaults reach the store the collector opens, whichever database it is. */
class StoreFactoryTest {

    private static final long GUILD = 810_000_000_000_000_001L;
    private static final Instant HOUR = Instant.parse("2026-03-02T10:00:00Z");
    private static final TimeWindow ALL = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    @TempDir
    Path dataDir;

    @Test
    void theSqliteStoreKeepsWhatRetentionMetricsDaysSays() {
        // GIVEN RETENTION_METRICS_DAYS=1 and no MongoDB
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of(ServerPulseConfig.DATA_DIR, dataDir.toString(),
                ServerPulseConfig.RETENTION_METRICS_DAYS, "1")));

        // WHEN the collector's store is opened and a guild without settings is counted
        try (Store store = StoreFactory.open(config)) {
            assertExpiresAfterOneDay(store);
        }
    }

    @Test
    void theMongoStoreKeepsWhatRetentionMetricsDaysSays() {
        // GIVEN RETENTION_METRICS_DAYS=1 and a MongoDB (the wire-protocol stand-in)
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        try {
            ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of(ServerPulseConfig.MONGODB_URI,
                    "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/serverpulse",
                    ServerPulseConfig.RETENTION_METRICS_DAYS, "1")));

            // WHEN the collector's store is opened and a guild without settings is counted
            try (Store store = StoreFactory.open(config)) {
                assertExpiresAfterOneDay(store);
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    private static void assertExpiresAfterOneDay(Store store) {
        store.apply(MetricBatch.builder().add(BucketKey.channelHour(GUILD, 11, HOUR), Counter.MESSAGES, 3).build());

        // THEN the retention in force is 1 / 30 / 180 days, and the row is swept one day after its hour
        assertThat(store.retentionPolicy().inForce(store.findSettings(GUILD))).isEqualTo(new Retention(1, 30, 180));
        assertThat(store.sweepExpired(HOUR.plus(Duration.ofDays(1)).minusMillis(1))).isZero();
        assertThat(store.sweepExpired(HOUR.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(store.buckets(BucketKind.CHANNEL_HOUR, GUILD, null, null, ALL)).isEmpty();
    }
}
