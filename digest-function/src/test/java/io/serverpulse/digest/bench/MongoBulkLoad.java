package io.serverpulse.digest.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.MetricBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Loads buckets into the MongoDB stand-in with {@code insertMany}, in the documents {@code MongoStore} writes
 * ({@code _id} = the bucket id, the key fields, one field per counter, {@code expire_at}, {@code batches}):
 * mongo-java-server scans a collection on every upsert, so 90 days of a 100,000-member guild cannot go through
 * {@code MongoStore.apply} there. The benchmark checks the result by building the same digest from this store
 * and from SQLite (loaded through {@code apply}) and requiring them to be equal.
 */
final class MongoBulkLoad implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase database;

    MongoBulkLoad(String uri, String database) {
        this.client = MongoClients.create(uri);
        this.database = client.getDatabase(database);
    }

    void insert(MetricBatch batch, Duration retention) {
        Map<BucketKind, List<Document>> byKind = new EnumMap<>(BucketKind.class);
        for (Increment increment : batch.increments()) {
            BucketKey key = increment.key();
            Document doc = new Document("_id", key.id())
                    .append("guild_id", key.guildId())
                    .append("channel_id", key.channelId())
                    .append("member_id", key.memberId())
                    .append("emoji", key.emoji())
                    .append("start", Date.from(key.start()));
            increment.deltas().forEach((counter, delta) -> doc.append(counter.field(), delta));
            doc.append("expire_at", Date.from(key.start().plus(retention)));
            doc.append("batches", List.of(batch.batchId()));
            byKind.computeIfAbsent(key.kind(), k -> new ArrayList<>()).add(doc);
        }
        byKind.forEach((kind, docs) -> {
            for (int i = 0; i < docs.size(); i += 10_000) {
                database.getCollection(kind.collection()).insertMany(docs.subList(i, Math.min(docs.size(), i + 10_000)));
            }
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
