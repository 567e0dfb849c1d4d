package io.serverpulse.collector.health;

import io.serverpulse.common.metrics.flush.FlushStats;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Whether the collector is ready, and if not, why, in a few words: it is ready when every shard of this
 * process is connected to the gateway and the last metric write did not fail. A collector with nothing
 * to write yet (a quiet server) is ready once connected; a write that failed makes it not ready until a
 * retry succeeds. What {@code GET /health} answers ({@link HealthServer}).
 *
 * @param ready true when the collector counts and writes
 * @param reason {@code ready}, or what is wrong (never a secret, never an error's own text)
 */
public record Readiness(boolean ready, String reason) {

    public static final Readiness READY = new Readiness(true, "ready");
    public static final Readiness STARTING = new Readiness(false, "starting");
    public static final Readiness STOPPING = new Readiness(false, "shutting down");

    public Readiness {
        Objects.requireNonNull(reason, "reason");
    }

    /** The collector's readiness now: its shards' statuses and the metric flusher's last write. */
    public static Readiness of(ShardManager shards, FlushStats flush) {
        SortedMap<Integer, JDA.Status> statuses = new TreeMap<>();
        for (JDA jda : shards.getShards()) {
            statuses.put(jda.getShardInfo().getShardId(), jda.getStatus());
        }
        return of(statuses, shards.getShardsQueued(), flush);
    }

    /** Whether every shard of {@code shards} is connected (none queued, at least one started). */
    public static boolean connected(ShardManager shards) {
        return shards.getShardsQueued() == 0 && !shards.getShards().isEmpty()
                && shards.getShards().stream().allMatch(jda -> jda.getStatus() == JDA.Status.CONNECTED);
    }

    /**
     * @param statuses each started shard's status by shard id
     * @param queued shards of this process not started yet
     */
    static Readiness of(SortedMap<Integer, JDA.Status> statuses, int queued, FlushStats flush) {
        long connected = statuses.values().stream().filter(status -> status == JDA.Status.CONNECTED).count();
        int total = statuses.size() + queued;
        if (total == 0) {
            return new Readiness(false, "no shard started yet");
        }
        if (connected < total) {
            String first = statuses.entrySet().stream().filter(e -> e.getValue() != JDA.Status.CONNECTED).findFirst()
                    .map(Readiness::describe).orElse(queued + " waiting to start");
            return new Readiness(false, connected + " of " + total + " shards connected (" + first + ")");
        }
        if (flush.lastFailure() != null) {
            return new Readiness(false, "the last metric write failed, retrying (last success: "
                    + (flush.lastSuccessfulFlush() == null ? "none" : flush.lastSuccessfulFlush()) + ")");
        }
        return READY;
    }

    private static String describe(Map.Entry<Integer, JDA.Status> shard) {
        return "shard " + shard.getKey() + " " + shard.getValue();
    }
}
