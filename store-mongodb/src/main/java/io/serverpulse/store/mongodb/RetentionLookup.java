package io.serverpulse.store.mongodb;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.serverpulse.common.settings.Retention;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;

/** Reads the retention of several guilds in one query ({@code _id: {$in: [...]}}, served by the _id index). */
final class RetentionLookup {

    private final MongoDatabase database;

    RetentionLookup(MongoDatabase database) {
        this.database = database;
    }

    /** The retention of every given guild; {@link Retention#DEFAULT} for guilds without stored settings. */
    Map<Long, Retention> of(Collection<Long> guildIds) {
        Map<Long, Retention> result = new HashMap<>();
        for (long guildId : guildIds) {
            result.put(guildId, Retention.DEFAULT);
        }
        if (guildIds.isEmpty()) {
            return result;
        }
        Document filter = new Document(Fields.ID, new Document("$in", new ArrayList<>(guildIds)));
        for (Document d : database.getCollection(CollectionNames.GUILD_SETTINGS).find(filter)
                .projection(Projections.include("retention"))) {
            result.put(((Number) d.get(Fields.ID)).longValue(), SettingsDocuments.retention(d.get("retention", Document.class)));
        }
        return result;
    }

    Retention of(long guildId) {
        return of(java.util.List.of(guildId)).get(guildId);
    }
}
