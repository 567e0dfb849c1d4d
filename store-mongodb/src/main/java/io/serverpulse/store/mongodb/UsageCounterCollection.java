package io.serverpulse.store.mongodb;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import org.bson.Document;

/**
 * Usage counters ({@code usage_counters}, {@code _id} = {@code <guild>:<member>:<counter>:<window start ms>}): an add
 * is one {@code findOneAndUpdate} with {@code $inc} and upsert, atomic on the one document, returning it after the
 * add. Two upserts of a new counter at once may meet the unique {@code _id}: the loser adds again, to the existing
 * document. A plain {@code _id} filter, which the stand-in serves from its index.
 */
final class UsageCounterCollection {

    static final String NAME = "usage_counters";
    private static final FindOneAndUpdateOptions UPSERT = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER);

    private final MongoDatabase database;

    UsageCounterCollection(MongoDatabase database) {
        this.database = database;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(NAME);
    }

    long add(long guildId, long memberId, String counter, Instant windowStart, Instant expireAt, long delta) {
        String id = guildId + ":" + memberId + ":" + counter + ":" + windowStart.toEpochMilli();
        Document update = new Document("$inc", new Document("count", delta))
                .append("$setOnInsert", new Document(Fields.GUILD_ID, guildId).append(Fields.MEMBER_ID, memberId)
                        .append("counter", counter).append("window_start", BsonInstants.floor(windowStart))
                        .append(Fields.EXPIRE_AT, BsonInstants.ceil(expireAt)));
        for (int attempt = 1; ; attempt++) {
            try {
                Document after = collection().findOneAndUpdate(new Document(Fields.ID, id), update, UPSERT);
                return ((Number) after.get("count")).longValue();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt >= 3) {
                    throw e;
                }
            } catch (MongoCommandException e) {
                if (ErrorCategory.fromErrorCode(e.getErrorCode()) != ErrorCategory.DUPLICATE_KEY || attempt >= 3) {
                    throw e;
                }
            }
        }
    }
}
