package io.serverpulse.collector.support;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Every stored bucket, and a readable comparison with the ground truth. */
public final class Buckets {

    public static final TimeWindow ALL_TIME = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    private Buckets() {
    }

    /** Every bucket of the guild in the store, with its counters. */
    public static Map<BucketKey, Map<Counter, Long>> stored(MetricsStore store, long guildId) {
        Map<BucketKey, Map<Counter, Long>> out = new HashMap<>();
        for (BucketKind kind : BucketKind.values()) {
            for (BucketRow row : store.buckets(kind, guildId, null, null, ALL_TIME)) {
                out.put(row.key(), row.counters());
            }
        }
        return out;
    }

    /** The truth's buckets of one guild. */
    public static Map<BucketKey, Map<Counter, Long>> ofGuild(Map<BucketKey, Map<Counter, Long>> truth, long guildId) {
        Map<BucketKey, Map<Counter, Long>> out = new HashMap<>();
        truth.forEach((key, counters) -> {
            if (key.guildId() == guildId) {
                out.put(key, counters);
            }
        });
        return out;
    }

    /** Up to 20 differences, one per line ("bucket: stored X, truth Y"); empty when equal. */
    public static List<String> differences(Map<BucketKey, Map<Counter, Long>> stored, Map<BucketKey, Map<Counter, Long>> truth) {
        List<String> out = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        Map<String, BucketKey> byId = new HashMap<>();
        stored.keySet().forEach(k -> byId.put(k.kind() + "/" + k.id(), k));
        truth.keySet().forEach(k -> byId.put(k.kind() + "/" + k.id(), k));
        ids.addAll(byId.keySet());
        for (String id : ids) {
            BucketKey key = byId.get(id);
            Map<Counter, Long> s = stored.getOrDefault(key, Map.of());
            Map<Counter, Long> t = truth.getOrDefault(key, Map.of());
            if (!s.equals(t)) {
                out.add(id + ": stored " + s + ", truth " + t);
                if (out.size() == 20) {
                    out.add("...");
                    break;
                }
            }
        }
        return out;
    }
}
