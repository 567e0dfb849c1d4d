package io.serverpulse.store.mongodb;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.serverpulse.common.privacy.MemberOptOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * The {@code member_opt_outs} collection: {@code _id} = {@code <guild id>:<member id>},
 * {@code guild_id}, {@code member_id}, {@code since}; nothing else, and no {@code expire_at} (an
 * opt-out holds until the member opts in again). Recording one is an insert whose duplicate-key
 * error means the member had already opted out.
 */
final class OptOutDocuments {

    private final MongoDatabase database;

    OptOutDocuments(MongoDatabase database) {
        this.database = database;
    }

    static String id(long guildId, long memberId) {
        return guildId + ":" + memberId;
    }

    boolean optOut(MemberOptOut optOut) {
        Document doc = new Document(Fields.ID, id(optOut.guildId(), optOut.memberId()))
                .append(Fields.GUILD_ID, optOut.guildId())
                .append(Fields.MEMBER_ID, optOut.memberId());
        BsonInstants.put(doc, "since", optOut.since());
        try {
            collection().insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    boolean optIn(long guildId, long memberId) {
        return collection().deleteOne(new Document(Fields.ID, id(guildId, memberId))).getDeletedCount() == 1;
    }

    Optional<MemberOptOut> find(long guildId, long memberId) {
        return Optional.ofNullable(collection().find(new Document(Fields.ID, id(guildId, memberId))).first())
                .map(OptOutDocuments::optOut);
    }

    Set<Long> ofGuild(long guildId) {
        Set<Long> members = new TreeSet<>();
        ofGuildSorted(guildId).forEach(o -> members.add(o.memberId()));
        return members;
    }

    List<MemberOptOut> ofGuildSorted(long guildId) {
        List<MemberOptOut> optOuts = new ArrayList<>();
        for (Document d : collection().find(new Document(Fields.GUILD_ID, guildId)).sort(Sorts.ascending(Fields.MEMBER_ID))) {
            optOuts.add(optOut(d));
        }
        return optOuts;
    }

    List<MemberOptOut> all() {
        List<MemberOptOut> optOuts = new ArrayList<>();
        for (Document d : collection().find().sort(Sorts.ascending(Fields.GUILD_ID, Fields.MEMBER_ID))) {
            optOuts.add(optOut(d));
        }
        return optOuts;
    }

    long eraseGuild(long guildId) {
        return collection().deleteMany(new Document(Fields.GUILD_ID, guildId)).getDeletedCount();
    }

    private static MemberOptOut optOut(Document d) {
        return new MemberOptOut(d.getLong(Fields.GUILD_ID), d.getLong(Fields.MEMBER_ID), BsonInstants.get(d, "since"));
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(CollectionNames.OPT_OUTS);
    }
}
