package io.serverpulse.collector.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.metrics.flush.FlushStats;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.Test;

/** What the health endpoint says for each state of the shards and of the last metric write. */
class ReadinessTest {

    private static final Instant EARLIER = Instant.parse("2026-03-02T10:15:00Z");

    private static FlushStats flush(Instant lastSuccess, String lastFailure) {
        return new FlushStats(10, 0, 10, 1, 5, 0, lastFailure == null ? 0 : 1, 0, 0, lastSuccess, lastFailure);
    }

    private static SortedMap<Integer, JDA.Status> shards(JDA.Status... statuses) {
        SortedMap<Integer, JDA.Status> byId = new TreeMap<>();
        for (int i = 0; i < statuses.length; i++) {
            byId.put(i, statuses[i]);
        }
        return byId;
    }

    @Test
    void connectedShardsAndNoFailedWriteAreReady() {
        // GIVEN every shard connected, and either a write that succeeded or nothing written yet (a quiet server)
        // WHEN / THEN ready
        assertThat(Readiness.of(shards(JDA.Status.CONNECTED, JDA.Status.CONNECTED), 0, flush(EARLIER, null)))
                .isEqualTo(new Readiness(true, "ready"));
        assertThat(Readiness.of(shards(JDA.Status.CONNECTED), 0, flush(null, null))).isEqualTo(Readiness.READY);
    }

    @Test
    void aShardThatIsNotConnectedIsNamed() {
        // GIVEN shard 1 of 2 reconnecting
        Readiness readiness = Readiness.of(shards(JDA.Status.CONNECTED, JDA.Status.ATTEMPTING_TO_RECONNECT), 0, flush(EARLIER, null));

        // THEN not ready, saying how many are connected and which is not
        assertThat(readiness).isEqualTo(new Readiness(false, "1 of 2 shards connected (shard 1 ATTEMPTING_TO_RECONNECT)"));
    }

    @Test
    void shardsWaitingToStartAreNotReady() {
        // GIVEN one shard connected and two still queued (JDA starts one shard after another), then none started yet
        // WHEN / THEN not ready either way
        assertThat(Readiness.of(shards(JDA.Status.CONNECTED), 2, flush(null, null)))
                .isEqualTo(new Readiness(false, "1 of 3 shards connected (2 waiting to start)"));
        assertThat(Readiness.of(shards(), 0, flush(null, null))).isEqualTo(new Readiness(false, "no shard started yet"));
    }

    @Test
    void aFailedWriteIsNotReadyUntilARetrySucceeds() {
        // GIVEN connected shards, and the last metric write failed (after an earlier success, or before any)
        Readiness afterSuccess = Readiness.of(shards(JDA.Status.CONNECTED), 0, flush(EARLIER, "StoreException: database is locked"));
        Readiness never = Readiness.of(shards(JDA.Status.CONNECTED), 0, flush(null, "StoreException: timed out"));

        // THEN not ready, with when a write last succeeded, and never the error's own text
        assertThat(afterSuccess).isEqualTo(new Readiness(false,
                "the last metric write failed, retrying (last success: 2026-03-02T10:15:00Z)"));
        assertThat(never).isEqualTo(new Readiness(false, "the last metric write failed, retrying (last success: none)"));
        assertThat(afterSuccess.reason() + never.reason()).doesNotContain("locked", "timed out");
    }

    @Test
    void shardsComeBeforeTheStore() {
        // GIVEN a shard disconnected and a failed write
        Readiness readiness = Readiness.of(shards(JDA.Status.DISCONNECTED), 0, flush(EARLIER, "StoreException: x"));

        // THEN the shard is named first
        assertThat(readiness.reason()).isEqualTo("0 of 1 shards connected (shard 0 DISCONNECTED)");
    }
}
