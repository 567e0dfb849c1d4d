package io.serverpulse.store.mongodb;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.store.GuildDataVisitor;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whole-guild operations: export (streamed, never loaded whole), erasure, and the retention sweep. */
final class GuildData {

    private static final Logger LOG = LoggerFactory.getLogger(GuildData.class);

    private final MongoDatabase database;

    GuildData(MongoDatabase database) {
        this.database = database;
    }

    void export(long guildId, GuildDataVisitor visitor) {
        Document settings = collection(CollectionNames.GUILD_SETTINGS).find(new Document(Fields.ID, guildId)).first();
        if (settings != null) {
            visitor.settings(SettingsDocuments.fromDocument(settings));
        }
        Document guild = new Document(Fields.GUILD_ID, guildId);
        Bson byStart = Sorts.ascending(Fields.START, Fields.ID);
        for (BucketKind kind : BucketKind.values()) {
            for (Document d : collection(kind.collection()).find(guild).sort(byStart)) {
                visitor.bucket(BucketDocuments.row(kind, d));
            }
        }
        for (Document d : collection(CollectionNames.MEMBER_EVENTS).find(guild).sort(Sorts.ascending("at", Fields.ID))) {
            visitor.memberEvent(RecordDocuments.memberEvent(d));
        }
        for (Document d : collection(CollectionNames.ALERTS).find(guild).sort(Sorts.ascending("started_at", Fields.ID))) {
            visitor.alert(RecordDocuments.alert(d));
        }
        for (Document d : collection(CollectionNames.AI_SUMMARIES).find(guild).sort(Sorts.ascending(Fields.ID))) {
            visitor.summary(RecordDocuments.summary(d));
        }
        for (Document d : collection(CollectionNames.LEADERBOARD_CACHE).find(guild).sort(Sorts.ascending(Fields.ID))) {
            visitor.leaderboard(RecordDocuments.leaderboard(d));
        }
        for (Document d : collection(CollectionNames.DIGESTS).find(guild).sort(Sorts.ascending("period_key"))) {
            visitor.digest(DigestLedgerCollection.record(d));
        }
    }

    long eraseGuild(long guildId) {
        long deleted = 0;
        for (String name : CollectionNames.expiring()) {
            deleted += collection(name).deleteMany(new Document(Fields.GUILD_ID, guildId)).getDeletedCount();
        }
        deleted += collection(CollectionNames.GUILD_SETTINGS).deleteOne(new Document(Fields.ID, guildId)).getDeletedCount();
        LOG.info("erased guild {}: {} documents", guildId, deleted);
        return deleted;
    }

    long eraseMember(long guildId, long memberId) {
        Document member = new Document(Fields.GUILD_ID, guildId).append(Fields.MEMBER_ID, memberId);
        long deleted = 0;
        for (String name : List.of(BucketKind.MEMBER_HOUR.collection(), BucketKind.MEMBER_DAY.collection(),
                CollectionNames.MEMBER_EVENTS)) {
            deleted += collection(name).deleteMany(member).getDeletedCount();
        }
        deleted += collection(CollectionNames.LEADERBOARD_CACHE).deleteMany(new Document(Fields.GUILD_ID, guildId)
                .append("entries." + Fields.MEMBER_ID, memberId)).getDeletedCount();
        LOG.info("erased member {} of guild {}: {} documents", memberId, guildId, deleted);
        return deleted;
    }

    /** Deletes {@code expire_at <= now} everywhere: what the TTL indexes do, exactly and at once. */
    long sweepExpired(Instant now) {
        Document expired = new Document(Fields.EXPIRE_AT, new Document("$lte", BsonInstants.floor(now)));
        long deleted = 0;
        for (String name : CollectionNames.expiring()) {
            deleted += collection(name).deleteMany(expired).getDeletedCount();
        }
        LOG.debug("retention sweep at {}: {} documents deleted", now, deleted);
        return deleted;
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }
}
