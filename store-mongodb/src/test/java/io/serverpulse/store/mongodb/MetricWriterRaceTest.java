package io.serverpulse.store.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The race a duplicate key can also mean: a bucket did not exist when our upsert's filter was
 * evaluated, and another batch inserted it before our insert. MongoDB then reports 11000 for a
 * bucket that does NOT hold our batch. mongo-java-server runs a collection's writes one at a time,
 * so the race cannot happen there by itself: this test makes the first bulk behave exactly as the
 * server does in that race (the other writer's documents appear, our writes get 11000).
 */
class MetricWriterRaceTest {

    private static final long GUILD = 81_384_788_765_712_384L;
    private static final Instant T = Instant.parse("2026-11-23T10:15:00Z");

    @RegisterExtension
    static final SharedStandIn MONGO = new SharedStandIn();

    @Test
    void a_duplicate_key_caused_by_another_batch_is_applied_on_the_second_pass_not_dropped() {
        // GIVEN three new buckets, and another writer that creates them (with its own batch) just before our insert
        MongoDatabase real = MONGO.get().client().getDatabase(MongoStandIn.freshDatabase());
        List<BucketKey> keys = List.of(
                BucketKey.channelHour(GUILD, 1, T), BucketKey.channelHour(GUILD, 2, T), BucketKey.channelHour(GUILD, 3, T));
        MetricBatch.Builder other = MetricBatch.builder("other-writer");
        MetricBatch.Builder ours = MetricBatch.builder("ours");
        keys.forEach(k -> {
            other.add(k, Counter.MESSAGES, 10);
            ours.add(k, Counter.MESSAGES, 1);
        });
        MongoDatabase racing = racingDatabase(real, other.build());

        // WHEN our batch is applied while that happens
        new MetricWriter(racing, new RetentionLookup(real, io.serverpulse.common.retention.RetentionPolicy.STANDARD)).apply(ours.build());

        // THEN each bucket holds both writers' counts and both batch ids
        for (BucketKey key : keys) {
            Document doc = real.getCollection("hourly_metrics").find(new Document("_id", key.id())).first();
            assertThat(((Number) doc.get("messages")).longValue()).as(key.id()).isEqualTo(11);
            assertThat(doc.getList("batches", String.class)).containsExactly("other-writer", "ours");
        }
    }

    /**
     * A database whose first {@code bulkWrite} lets {@code competitor} win the race: its documents are
     * written, and every write of the bulk fails with a duplicate key, as MongoDB reports it.
     */
    private static MongoDatabase racingDatabase(MongoDatabase real, MetricBatch competitor) {
        AtomicBoolean raced = new AtomicBoolean();
        InvocationHandler collections = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (!method.getName().equals("getCollection")) {
                return result;
            }
            @SuppressWarnings("unchecked")
            MongoCollection<Document> collection = (MongoCollection<Document>) result;
            return Proxy.newProxyInstance(MongoCollection.class.getClassLoader(), new Class<?>[] {MongoCollection.class},
                    (p, m, a) -> {
                        if (m.getName().equals("bulkWrite") && raced.compareAndSet(false, true)) {
                            List<?> models = (List<?>) a[0];
                            new MetricWriter(real, new RetentionLookup(real, io.serverpulse.common.retention.RetentionPolicy.STANDARD)).apply(competitor);
                            List<BulkWriteError> errors = new ArrayList<>();
                            for (int i = 0; i < models.size(); i++) {
                                errors.add(new BulkWriteError(11000, "E11000 duplicate key error", new BsonDocument(), i));
                            }
                            throw new MongoBulkWriteException(BulkWriteResult.acknowledged(0, 0, 0, 0, List.of(), List.of()),
                                    errors, null, new ServerAddress("127.0.0.1"), Set.of());
                        }
                        return invoke(collection, m, a);
                    });
        };
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, collections);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
