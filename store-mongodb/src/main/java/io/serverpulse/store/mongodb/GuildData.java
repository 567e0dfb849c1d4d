package io.serverpulse.store.mongodb;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.privacy.MemberErasure;
import io.serverpulse.common.retention.ExpiryKind;
import io.serverpulse.common.retention.RestampCursor;
import io.serverpulse.common.retention.RestampStep;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.GuildDataVisitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole-guild operations: export (streamed, never loaded whole), erasure, the retention sweep, and
 * re-stamping a guild's documents after its retention changed.
 */
final class GuildData {

    private static final Logger LOG = LoggerFactory.getLogger(GuildData.class);

    /** A collection whose documents expire: the field its expiry counts from and its kind. */
    private record Expiring(String collection, String anchor, ExpiryKind kind) {
    }

    private static final List<Expiring> EXPIRING;

    static {
        List<Expiring> all = new ArrayList<>();
        for (BucketKind kind : BucketKind.values()) {
            all.add(new Expiring(kind.collection(), Fields.START, ExpiryKind.of(kind)));
        }
        all.add(new Expiring(CollectionNames.MEMBER_EVENTS, "at", ExpiryKind.MEMBER_EVENTS));
        all.add(new Expiring(CollectionNames.ALERTS, "started_at", ExpiryKind.ALERTS));
        all.add(new Expiring(CollectionNames.AI_SUMMARIES, "created_at", ExpiryKind.SUMMARIES));
        all.add(new Expiring(CollectionNames.LEADERBOARD_CACHE, "computed_at", ExpiryKind.LEADERBOARDS));
        all.add(new Expiring(CollectionNames.DIGESTS, "claimed_at", ExpiryKind.DIGESTS));
        EXPIRING = List.copyOf(all);
    }

    private final MongoDatabase database;
    private final RetentionPolicy policy;
    private final OptOutDocuments optOuts;

    GuildData(MongoDatabase database, RetentionPolicy policy, OptOutDocuments optOuts) {
        this.database = database;
        this.policy = policy;
        this.optOuts = optOuts;
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
        optOuts.ofGuildSorted(guildId).forEach(visitor::optOut);
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
        deleted += optOuts.eraseGuild(guildId);
        LOG.info("erased guild {}: {} documents", guildId, deleted);
        return deleted;
    }

    MemberErasure eraseMember(long guildId, long memberId) {
        Document member = new Document(Fields.GUILD_ID, guildId).append(Fields.MEMBER_ID, memberId);
        MemberErasure erased = new MemberErasure(
                collection(BucketKind.MEMBER_HOUR.collection()).deleteMany(member).getDeletedCount(),
                collection(BucketKind.MEMBER_DAY.collection()).deleteMany(member).getDeletedCount(),
                collection(CollectionNames.MEMBER_EVENTS).deleteMany(member).getDeletedCount(),
                collection(CollectionNames.LEADERBOARD_CACHE).deleteMany(new Document(Fields.GUILD_ID, guildId)
                        .append("entries." + Fields.MEMBER_ID, memberId)).getDeletedCount());
        // the /askpulse counters go with the member too (bookkeeping, not part of what erasure reports)
        collection(CollectionNames.USAGE_COUNTERS).deleteMany(member);
        LOG.info("erased a member's data in guild {}: {} documents", guildId, erased.total());
        return erased;
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

    /**
     * One step of re-stamping: up to {@code limit} documents of one collection of the guild after
     * the cursor, in {@code _id} order (every {@code _id} of a guild's document begins with its guild
     * id), rewritten in one unordered bulk where their expiry differs. The cursor is
     * {@code <collection index>:<last _id>}.
     */
    RestampStep restamp(long guildId, Retention retention, String resumeAfter, int limit) {
        RestampCursor at = RestampCursor.of(resumeAfter, limit, EXPIRING.size());
        Expiring expiring = EXPIRING.get(at.table());
        Document filter = new Document(Fields.GUILD_ID, guildId);
        if (!at.lastKey().isEmpty()) {
            filter.append(Fields.ID, new Document("$gt", at.lastKey()));
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        int examined = 0;
        String last = null;
        for (Document d : collection(expiring.collection()).find(filter).sort(Sorts.ascending(Fields.ID)).limit(limit)
                .projection(Projections.include(expiring.anchor(), expiring.anchor() + "_nanos", Fields.EXPIRE_AT))) {
            examined++;
            last = d.get(Fields.ID).toString();
            Date expireAt = BsonInstants.ceil(policy.expireAt(expiring.kind(), retention, BsonInstants.get(d, expiring.anchor())));
            if (!expireAt.equals(d.getDate(Fields.EXPIRE_AT))) {
                writes.add(new UpdateOneModel<>(new Document(Fields.ID, d.get(Fields.ID)),
                        new Document("$set", new Document(Fields.EXPIRE_AT, expireAt))));
            }
        }
        if (!writes.isEmpty()) {
            collection(expiring.collection()).bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
        return at.step(examined, writes.size(), last, limit, EXPIRING.size());
    }
}
