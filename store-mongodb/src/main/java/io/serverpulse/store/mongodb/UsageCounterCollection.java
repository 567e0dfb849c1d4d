package io.serverpulse.store.mongodb;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import org.bson.Document;

/**
 * Usage counters ({@code usage_counters}, {@code _id} = {@code <guild>:<member>:<counter>:<window start ms>}). An add
 * is a compare-and-set: read the count, then {@code updateOne} filtered on the id and that count; a single
 * document's update is atomic, so of several writers at once each gets its own count, and a writer that lost
 * reads again. A new counter is inserted, and a writer that meets the unique {@code _id} reads again. (Not
 * {@code findOneAndUpdate} with {@code $inc}: atomic on MongoDB, but the stand-in the tests use may hand two
 * writers the same count.) Plain {@code _id} filters, which the stand-in serves from its index.
 */
final class UsageCounterCollection {

    static final String NAME = "usage_counters";
    private static final String COUNT = "count";

    private final MongoDatabase database;

    UsageCounterCollection(MongoDatabase database) {
        this.database = database;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(NAME);
    }

    long add(long guildId, long memberId, String counter, Instant windowStart, Instant expireAt, long delta) {
        String id = guildId + ":" + memberId + ":" + counter + ":" + windowStart.toEpochMilli();
        while (true) {
            Document current = collection().find(new Document(Fields.ID, id)).first();
            if (current == null) {
                try {
                    collection().insertOne(new Document(Fields.ID, id).append(Fields.GUILD_ID, guildId)
                            .append(Fields.MEMBER_ID, memberId).append("counter", counter)
                            .append("window_start", BsonInstants.floor(windowStart)).append(COUNT, delta)
                            .append(Fields.EXPIRE_AT, BsonInstants.ceil(expireAt)));
                    return delta;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue;
                }
            }
            long count = ((Number) current.get(COUNT)).longValue();
            if (delta == 0) {
                return count;
            }
            long matched = collection().updateOne(new Document(Fields.ID, id).append(COUNT, count),
                    new Document("$set", new Document(COUNT, count + delta))).getMatchedCount();
            if (matched == 1) {
                return count + delta;
            }
        }
    }
}
