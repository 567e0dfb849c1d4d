package io.serverpulse.store.mongodb;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import io.serverpulse.common.metrics.BucketKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The indexes of every collection, created at start-up. {@code createIndexes} with the same keys,
 * name and options is a no-op on MongoDB, so running this on every start is harmless; a changed
 * definition under an existing name fails loudly instead of silently keeping the old one.
 *
 * <ul>
 *   <li>{@code guild_settings} needs only its {@code _id} (the guild id).</li>
 *   <li>{@code member_opt_outs} never expires (no TTL index); it is read by guild.</li>
 *   <li>Each expiring collection has a TTL index on {@code expire_at} with {@code expireAfterSeconds: 0}
 *       (MongoDB deletes a document once its {@code expire_at} has passed), and it also serves the
 *       application's retention sweep.</li>
 *   <li>Reads start with {@code guild_id}, then the channel or member, then the time range.</li>
 *   <li>{@code _id} is each record's deterministic id; the unique indexes on the summaries and the
 *       leaderboard cache state their identity in fields as well.</li>
 * </ul>
 *
 * <p>mongo-java-server (the test stand-in) records all of these and lists them, but only uses
 * unique indexes for queries and never expires documents by TTL.
 */
final class MongoIndexes {

    static final String TTL = "expire_at_ttl";

    private MongoIndexes() {
    }

    /** Index definitions per collection. */
    static Map<String, List<IndexModel>> definitions() {
        Map<String, List<IndexModel>> all = new LinkedHashMap<>();
        all.put(BucketKind.CHANNEL_HOUR.collection(), List.of(
                index("guild_channel_start", keys(Fields.GUILD_ID, Fields.CHANNEL_ID, Fields.START)),
                index("guild_start", keys(Fields.GUILD_ID, Fields.START)),
                ttl()));
        for (BucketKind kind : List.of(BucketKind.MEMBER_HOUR, BucketKind.MEMBER_DAY)) {
            all.put(kind.collection(), List.of(
                    index("guild_channel_start", keys(Fields.GUILD_ID, Fields.CHANNEL_ID, Fields.START)),
                    index("guild_member_start", keys(Fields.GUILD_ID, Fields.MEMBER_ID, Fields.START)),
                    ttl()));
        }
        all.put(BucketKind.EMOJI_DAY.collection(), List.of(
                index("guild_start", keys(Fields.GUILD_ID, Fields.START)),
                ttl()));
        all.put(CollectionNames.MEMBER_EVENTS, List.of(
                index("guild_at", keys(Fields.GUILD_ID, "at")),
                index("guild_member", keys(Fields.GUILD_ID, Fields.MEMBER_ID)),
                ttl()));
        all.put(CollectionNames.ALERTS, List.of(
                index("guild_started_at", keys(Fields.GUILD_ID, "started_at")),
                ttl()));
        all.put(CollectionNames.AI_SUMMARIES, List.of(
                unique("guild_period_key", keys(Fields.GUILD_ID, "period_key")),
                ttl()));
        all.put(CollectionNames.LEADERBOARD_CACHE, List.of(
                unique("guild_channel_counter_period", keys(Fields.GUILD_ID, Fields.CHANNEL_ID, "counter", "period")),
                ttl()));
        all.put(CollectionNames.OPT_OUTS, List.of(
                index("guild_member", keys(Fields.GUILD_ID, Fields.MEMBER_ID))));
        all.put(CollectionNames.DIGESTS, List.of(
                unique("guild_period_key", keys(Fields.GUILD_ID, "period_key")),
                ttl()));
        all.put(CollectionNames.USAGE_COUNTERS, List.of(
                index("guild_member", keys(Fields.GUILD_ID, Fields.MEMBER_ID)),
                ttl()));
        return all;
    }

    static void ensure(MongoDatabase database) {
        definitions().forEach((collection, indexes) -> database.getCollection(collection).createIndexes(indexes));
    }

    private static Document keys(String... fields) {
        Document keys = new Document();
        for (String field : fields) {
            keys.append(field, 1);
        }
        return keys;
    }

    private static IndexModel index(String name, Document keys) {
        return new IndexModel(keys, new IndexOptions().name(name));
    }

    private static IndexModel unique(String name, Document keys) {
        return new IndexModel(keys, new IndexOptions().name(name).unique(true));
    }

    private static IndexModel ttl() {
        return new IndexModel(new Document(Fields.EXPIRE_AT, 1), new IndexOptions().name(TTL).expireAfter(0L, TimeUnit.SECONDS));
    }

    /** The collections and index names this class creates (for tests and diagnostics). */
    static Map<String, List<String>> names() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        definitions().forEach((collection, indexes) -> {
            List<String> list = new ArrayList<>();
            indexes.forEach(i -> list.add(i.getOptions().getName()));
            names.put(collection, list);
        });
        return names;
    }
}
