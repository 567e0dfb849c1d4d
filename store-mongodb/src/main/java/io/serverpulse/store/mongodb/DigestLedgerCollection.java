package io.serverpulse.store.mongodb;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.serverpulse.common.digest.DigestRecord;
import io.serverpulse.common.retention.ExpiryKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The digest ledger ({@code digests}, {@code _id} = {@code <guild id>:<period key>}). A claim inserts the
 * document; if it exists, one {@code updateOne} whose filter admits only an unposted claim of the same owner
 * or one whose lease ran out takes it over: a single document's update is atomic, so of several writers one
 * gets it. The document is then read back. Plain {@code _id} filters, which the stand-in serves from its index.
 */
final class DigestLedgerCollection {

    static final String NAME = "digests";

    private final MongoDatabase database;
    private final RetentionLookup retentions;

    DigestLedgerCollection(MongoDatabase database, RetentionLookup retentions) {
        this.database = database;
        this.retentions = retentions;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(NAME);
    }

    private static String id(long guildId, String periodKey) {
        return guildId + ":" + periodKey;
    }

    DigestRecord claim(long guildId, String periodKey, String owner, Instant now, Duration lease) {
        String id = id(guildId, periodKey);
        Instant expireAt = retentions.policy().expireAt(ExpiryKind.DIGESTS, retentions.of(guildId), now);
        Document claim = new Document("owner", owner).append("claimed_at", BsonInstants.floor(now))
                .append(Fields.EXPIRE_AT, BsonInstants.ceil(expireAt));
        try {
            collection().insertOne(new Document(Fields.ID, id).append(Fields.GUILD_ID, guildId).append("period_key", periodKey)
                    .append("posted_at", null).append("channel_id", null).append("message_id", null).append("owner", owner)
                    .append("claimed_at", BsonInstants.floor(now)).append(Fields.EXPIRE_AT, BsonInstants.ceil(expireAt)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            collection().updateOne(new Document(Fields.ID, id).append("posted_at", null)
                            .append("$or", List.of(new Document("owner", owner),
                                    new Document("claimed_at", new Document("$lte", BsonInstants.floor(now.minus(lease)))))),
                    new Document("$set", claim));
        }
        return find(guildId, periodKey).orElseThrow(() -> new IllegalStateException("claimed digest " + id + " not found"));
    }

    boolean posted(long guildId, String periodKey, String owner, long channelId, long messageId, Instant at) {
        collection().updateOne(new Document(Fields.ID, id(guildId, periodKey)).append("owner", owner).append("posted_at", null),
                new Document("$set", new Document("posted_at", BsonInstants.floor(at)).append("channel_id", channelId)
                        .append("message_id", messageId)));
        return find(guildId, periodKey).map(r -> r.posted() && r.ownedBy(owner)).orElse(false);
    }

    Optional<DigestRecord> find(long guildId, String periodKey) {
        return Optional.ofNullable(collection().find(new Document(Fields.ID, id(guildId, periodKey))).first()).map(DigestLedgerCollection::record);
    }

    static DigestRecord record(Document d) {
        return new DigestRecord(((Number) d.get(Fields.GUILD_ID)).longValue(), d.getString("period_key"), d.getString("owner"),
                d.getDate("claimed_at").toInstant(), d.getDate("posted_at") == null ? null : d.getDate("posted_at").toInstant(),
                d.get("channel_id") instanceof Number n ? n.longValue() : null,
                d.get("message_id") instanceof Number n ? n.longValue() : null);
    }
}
