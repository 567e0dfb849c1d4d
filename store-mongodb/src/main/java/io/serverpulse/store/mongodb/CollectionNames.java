package io.serverpulse.store.mongodb;

import io.serverpulse.common.metrics.BucketKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The collections of the MongoDB store: {@code guild_settings} ({@code _id} = guild id, mapped field by
 * field, changed by a version compare-and-set: {@link SettingsCollection}), the buckets named by
 * {@link BucketKind#collection()} ({@code hourly_metrics}, {@code user_hourly}, {@code user_daily},
 * {@code emoji_daily}; {@code _id} = {@link io.serverpulse.common.metrics.BucketKey#id()}), and the records
 * ({@code member_events}, {@code alerts}, {@code ai_summaries}, {@code leaderboard_cache}, the digest ledger,
 * opt-outs, usage counters), each {@code _id} the record's deterministic id, prefixed with the guild id where
 * the record's own id is not already unique across guilds. A query is scoped by a {@code guild_id} filter
 * or by an {@code _id} that begins with the guild id (plain {@code _id} filters are what mongo-java-server
 * serves from its index).
 */
final class CollectionNames {

    static final String GUILD_SETTINGS = "guild_settings";
    static final String MEMBER_EVENTS = "member_events";
    static final String ALERTS = "alerts";
    static final String AI_SUMMARIES = "ai_summaries";
    static final String LEADERBOARD_CACHE = "leaderboard_cache";
    /** Members' opt-outs: never expire. */
    static final String OPT_OUTS = "member_opt_outs";
    static final String DIGESTS = DigestLedgerCollection.NAME;
    static final String USAGE_COUNTERS = UsageCounterCollection.NAME;

    private CollectionNames() {
    }

    /** Every collection whose documents carry an {@code expire_at} (all but the settings). */
    static List<String> expiring() {
        List<String> names = new ArrayList<>();
        for (BucketKind kind : BucketKind.values()) {
            names.add(kind.collection());
        }
        names.add(MEMBER_EVENTS);
        names.add(ALERTS);
        names.add(AI_SUMMARIES);
        names.add(LEADERBOARD_CACHE);
        names.add(DIGESTS);
        names.add(USAGE_COUNTERS);
        return List.copyOf(names);
    }

    /** Every collection, settings included. */
    static List<String> all() {
        List<String> names = new ArrayList<>(expiring());
        names.add(GUILD_SETTINGS);
        names.add(OPT_OUTS);
        return List.copyOf(names);
    }
}
