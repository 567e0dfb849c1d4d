package io.serverpulse.store.mongodb;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's in-memory backend with one deviation from real MongoDB corrected: a
 * {@code find} returns each document as it was at one instant. The stand-in answers a query with
 * the stored document objects themselves and encodes them for the wire after it has released the
 * collection, while an update rewrites a stored document field by field in place, so a read racing
 * an update could return a mix of two versions of one document (seen as a lost compare-and-set on
 * the settings: an old whitelist under the new version number). MongoDB never does: a read returns
 * a document state that existed. Here a {@code find} runs, and its first batch is copied, while the
 * collection's monitor is held (every write of the stand-in's collections synchronizes on it).
 */
final class SnapshotReadsBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
                if (!"find".equalsIgnoreCase(command) || !(query.get(command) instanceof String name)) {
                    return super.handleCommand(channel, command, query, resolver, oplog);
                }
                MongoCollection<?> collection = resolveCollection(name, false);
                if (collection == null) {
                    return super.handleCommand(channel, command, query, resolver, oplog);
                }
                synchronized (collection) {
                    Document response = super.handleCommand(channel, command, query, resolver, oplog);
                    if (response.get("cursor") instanceof Document cursor && cursor.get("firstBatch") instanceof List<?> batch) {
                        cursor.put("firstBatch", copy(batch));
                    }
                    return response;
                }
            }
        };
    }

    private static Object copy(Object value) {
        if (value instanceof Document document) {
            Document copy = new Document();
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                copy.put(entry.getKey(), copy(entry.getValue()));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copy(item)));
            return copy;
        }
        return value;
    }
}
