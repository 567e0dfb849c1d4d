package io.serverpulse.store.mongodb;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link MetricBatch} so that applying it twice, or applying it after a part of it was
 * applied, counts every increment exactly once, without transactions.
 *
 * <h2>Design</h2>
 * Every bucket document has {@code _id} = {@link BucketKey#id()} and a bounded array {@code batches}
 * of the ids of the last {@value #RECENT_BATCHES} batches applied to it. Each increment is one
 * {@code updateOne} upsert:
 * <pre>
 * filter  {_id: id, batches: {$ne: batchId}}                     (a plain document, not $and)
 * update  {$inc: {messages: 3, ...}, $set: {expire_at: ...},
 *          $setOnInsert: {guild_id, channel_id, member_id, emoji, start},
 *          $push: {batches: {$each: [batchId], $slice: -N}}}
 * </pre>
 * All increments of a batch for one collection go in one unordered {@code bulkWrite}. A single
 * document update is atomic in MongoDB, so for each bucket exactly one of these happens:
 * <ol>
 *   <li>no document yet: the upsert inserts it with the deltas and {@code batches: [batchId]};</li>
 *   <li>a document without the batch id: the counters grow and the id is recorded, atomically;</li>
 *   <li>a document that already holds the batch id: the filter misses, so the upsert tries to insert
 *       a second document with the same {@code _id} and fails with a duplicate-key error (11000):
 *       nothing changes. These errors are expected and ignored; any other write error, and a
 *       write-concern error, becomes a {@link StoreException} (the caller retries the whole batch,
 *       which is safe for the same reason).</li>
 * </ol>
 * A duplicate-key error can also come from a race: the bucket did not exist when the filter was
 * evaluated and another writer (another batch) inserted it before our insert. So every write that
 * hit a duplicate key is sent once more: the document exists now, so the second attempt either
 * matches (the batch was not in it: case 2) or misses again (it was: case 3, already applied).
 * MongoDB's own retry of upserts on duplicate keys does not apply here (the filter is not made of
 * equality predicates only), and the driver's retryable writes only make a network retry safer.
 *
 * <p>A retried batch of which a prefix, or any subset, was applied (an unordered bulk broken by a
 * timeout or a failover) therefore adds exactly what is missing.
 *
 * <h2>Bound</h2>
 * A retry is exact as long as fewer than {@value #RECENT_BATCHES} other batches were applied to the
 * same bucket between the first attempt and the retry; after that the id has left the array and the
 * retry would count again. The flusher retries a failed batch before it writes newer ones, so only
 * the batches in flight at the same time can come in between; at one flush every few seconds a
 * bucket receives at most one batch per flush, so the bound is minutes of continuous failure that
 * the flusher would have to sit through while still writing newer batches. The array costs at most
 * {@value #RECENT_BATCHES} × (batch id + ~8) bytes per document (~1.4 KB with UUID ids), and only
 * hot buckets (written by many flushes) reach it. A bucket deleted by an erasure or by retention
 * between two attempts starts over, which is what erasure means for data that arrives after it.
 *
 * <h2>On mongo-java-server (the test stand-in)</h2>
 * The duplicate-key behaviour is the same (verified with driver 5.14 against mongo-java-server
 * 1.47). But the stand-in uses a unique index only when the filter's keys are exactly the index's
 * keys: {@code {_id, batches}} is not served by the {@code _id} index there and scans the
 * collection (measured: 10,000 upserts into a collection growing to 10,000 documents took ~17 s,
 * against ~0.5 s with an {@code _id}-only filter; flushes of ~1,200 increments took 1.4 s rising to
 * 3.6 s as the bucket collections grew to 4,000 documents, against a flat ~0.2 s). Real MongoDB
 * serves the same filter from the {@code _id} index and checks {@code batches} on the one document
 * it finds. Every other design that
 * is fast on the stand-in needs either a read before each write (racy without a compare-and-set) or
 * a second unique index rewritten by every write (a cost production would pay for a test server),
 * so the stand-in is left slow on large collections; the tests keep their collections small.
 */
final class MetricWriter {

    /** How many recent batch ids each bucket document remembers (N in the design above). */
    static final int RECENT_BATCHES = 32;

    private static final int DUPLICATE_KEY = 11000;
    private static final Logger LOG = LoggerFactory.getLogger(MetricWriter.class);

    private final MongoDatabase database;
    private final RetentionLookup retentions;

    MetricWriter(MongoDatabase database, RetentionLookup retentions) {
        this.database = database;
        this.retentions = retentions;
    }

    void apply(MetricBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<Long> guilds = new LinkedHashSet<>();
        Map<BucketKind, List<Increment>> byKind = new EnumMap<>(BucketKind.class);
        for (Increment increment : batch.increments()) {
            guilds.add(increment.key().guildId());
            byKind.computeIfAbsent(increment.key().kind(), k -> new ArrayList<>()).add(increment);
        }
        Map<Long, Retention> retention = retentions.of(guilds);
        byKind.forEach((kind, increments) -> {
            List<UpdateOneModel<Document>> models = new ArrayList<>(increments.size());
            for (Increment increment : increments) {
                Instant expireAt = retentions.policy().expireAt(increment.key(), retention.get(increment.key().guildId()));
                models.add(upsert(increment, batch.batchId(), expireAt));
            }
            write(kind, batch.batchId(), models);
        });
    }

    /** The upsert of one increment; see the class comment. */
    static UpdateOneModel<Document> upsert(Increment increment, String batchId, Instant expireAt) {
        BucketKey key = increment.key();
        Document filter = new Document(Fields.ID, key.id())
                .append(Fields.BATCHES, new Document("$ne", batchId));
        Document inc = new Document();
        increment.deltas().forEach((counter, delta) -> inc.append(counter.field(), delta));
        Document update = new Document("$inc", inc)
                .append("$set", new Document(Fields.EXPIRE_AT, BsonInstants.ceil(expireAt)))
                .append("$setOnInsert", BucketDocuments.keyFields(key))
                .append("$push", new Document(Fields.BATCHES,
                        new Document("$each", List.of(batchId)).append("$slice", -RECENT_BATCHES)));
        return new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(true));
    }

    private void write(BucketKind kind, String batchId, List<UpdateOneModel<Document>> models) {
        MongoCollection<Document> collection = database.getCollection(kind.collection());
        List<UpdateOneModel<Document>> missed = bulk(collection, models);
        if (missed.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> held = bulk(collection, missed);
        LOG.debug("batch {}: {} of {} {} buckets already held it", batchId, held.size(), models.size(), kind.collection());
    }

    /** Runs one unordered bulk; returns the models whose upsert hit a duplicate key. */
    private static List<UpdateOneModel<Document>> bulk(MongoCollection<Document> collection,
                                                       List<UpdateOneModel<Document>> models) {
        try {
            collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw new StoreException("MongoDB did not confirm the write to " + collection.getNamespace().getCollectionName()
                        + ": " + e.getWriteConcernError().getMessage(), e);
            }
            List<UpdateOneModel<Document>> duplicates = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw new StoreException("MongoDB refused a write to " + collection.getNamespace().getCollectionName()
                            + " (code " + error.getCode() + "): " + error.getMessage(), e);
                }
                duplicates.add(models.get(error.getIndex()));
            }
            return duplicates;
        }
    }
}
