package io.serverpulse.store.mongodb;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.settings.Retention;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;

/**
 * Reads the retention in force of several guilds in one query ({@code _id: {$in: [...]}}, served by
 * the _id index): the one each chose, or the policy's default.
 */
final class RetentionLookup {

    private final MongoDatabase database;
    private final RetentionPolicy policy;

    RetentionLookup(MongoDatabase database, RetentionPolicy policy) {
        this.database = database;
        this.policy = policy;
    }

    RetentionPolicy policy() {
        return policy;
    }

    /** The retention in force of every given guild; the policy's default for guilds that chose none. */
    Map<Long, Retention> of(Collection<Long> guildIds) {
        Map<Long, Retention> result = new HashMap<>();
        for (long guildId : guildIds) {
            result.put(guildId, policy.defaults());
        }
        if (guildIds.isEmpty()) {
            return result;
        }
        Document filter = new Document(Fields.ID, new Document("$in", new ArrayList<>(guildIds)));
        for (Document d : database.getCollection(CollectionNames.GUILD_SETTINGS).find(filter)
                .projection(Projections.include(SettingsDocuments.CHOSEN_RETENTION))) {
            Retention chosen = SettingsDocuments.retention(d.get(SettingsDocuments.CHOSEN_RETENTION, Document.class));
            if (chosen != null) {
                result.put(((Number) d.get(Fields.ID)).longValue(), chosen);
            }
        }
        return result;
    }

    Retention of(long guildId) {
        return of(java.util.List.of(guildId)).get(guildId);
    }
}
