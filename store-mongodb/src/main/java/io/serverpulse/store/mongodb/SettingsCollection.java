package io.serverpulse.store.mongodb;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.VersionedSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The {@code guild_settings} collection ({@link SettingsDocuments} maps a document): one document
 * per guild, {@code _id} = guild id, with a {@code version} field beside the settings. A change is a
 * compare-and-set ({@link VersionedSettings}): {@code replaceOne({_id, version: v}, ...)} writing
 * version v + 1, or, for a guild without settings, {@code insertOne} whose duplicate-key error means
 * another writer inserted first. A single-document write is atomic in MongoDB, so this holds across
 * processes and Lambda instances without transactions (which mongo-java-server lacks). A document
 * written before versions existed has no {@code version} field and reads as version 0
 * ({@code version: {$exists: false}} in the filter).
 */
final class SettingsCollection implements VersionedSettings {

    static final String VERSION = "version";

    private final MongoDatabase database;

    SettingsCollection(MongoDatabase database) {
        this.database = database;
    }

    Optional<GuildSettings> find(long guildId) {
        return Optional.ofNullable(collection().find(new Document(Fields.ID, guildId)).first())
                .map(SettingsDocuments::fromDocument);
    }

    @Override
    public Optional<Stored> readVersioned(long guildId) {
        Document stored = collection().find(new Document(Fields.ID, guildId)).first();
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(new Stored(SettingsDocuments.fromDocument(stored),
                stored.get(VERSION) instanceof Number n ? n.longValue() : 0));
    }

    @Override
    public boolean compareAndSet(GuildSettings settings, Optional<Stored> expected) {
        Document document = SettingsDocuments.toDocument(settings);
        if (expected.isEmpty()) {
            try {
                collection().insertOne(document.append(VERSION, 1L));
                return true;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        long version = expected.get().version();
        Document filter = new Document(Fields.ID, settings.guildId())
                .append(VERSION, version == 0 ? new Document("$exists", false) : version);
        return collection().replaceOne(filter, document.append(VERSION, version + 1)).getMatchedCount() == 1;
    }

    List<GuildSettings> all() {
        List<GuildSettings> all = new ArrayList<>();
        for (Document d : collection().find().sort(Sorts.ascending(Fields.ID))) {
            all.add(SettingsDocuments.fromDocument(d));
        }
        return all;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(CollectionNames.GUILD_SETTINGS);
    }
}
