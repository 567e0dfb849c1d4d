package io.serverpulse.store.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What is specific to the MongoDB adapter (the shared contract suite covers the rest): idempotent
 * batches without transactions, the documents as they are stored, indexes. Runs against the
 * stand-in and, where Docker exists, against a real MongoDB.
 */
abstract class MongoStoreBehaviour {

    static final long GUILD = 81_384_788_765_712_384L;
    static final long CHANNEL = 81_384_788_765_712_390L;
    static final long OTHER_CHANNEL = 81_384_788_765_712_391L;
    static final long ALICE = 90_000_000_000_000_001L;
    static final long BOB = 90_000_000_000_000_002L;
    static final Instant T = Instant.parse("2026-11-23T10:15:00Z");

    MongoStore store;
    MongoDatabase db;

    abstract MongoClient client();

    @BeforeEach
    void openStore() {
        String name = MongoStandIn.freshDatabase();
        store = new MongoStore(client(), name);
        db = client().getDatabase(name);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Two members posting in two channels, reactions, a join: touches all four bucket collections. */
    static MetricBatch sampleBatch(String batchId) {
        return MetricBatch.builder(batchId)
                .add(BucketKey.channelHour(GUILD, CHANNEL, T), Counter.MESSAGES, 5)
                .add(BucketKey.channelHour(GUILD, OTHER_CHANNEL, T), Counter.MESSAGES, 2)
                .add(BucketKey.channelHour(GUILD, BucketKey.GUILD_WIDE, T), Counter.JOINS, 1)
                .add(BucketKey.memberHour(GUILD, CHANNEL, ALICE, T), Counter.MESSAGES, 3)
                .add(BucketKey.memberHour(GUILD, BucketKey.ALL_CHANNELS, ALICE, T), Counter.MESSAGES, 3)
                .add(BucketKey.memberHour(GUILD, CHANNEL, BOB, T), Counter.MESSAGES, 2)
                .add(BucketKey.memberDay(GUILD, CHANNEL, ALICE, T), Counter.MESSAGES, 3)
                .add(BucketKey.memberDay(GUILD, CHANNEL, ALICE, T), Counter.REACTIONS, 4)
                .add(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, ALICE, T), Counter.MESSAGES, 3)
                .add(BucketKey.memberDay(GUILD, CHANNEL, BOB, T), Counter.MESSAGES, 2)
                .add(BucketKey.memberDay(GUILD, OTHER_CHANNEL, BOB, T), Counter.MESSAGES, 2)
                .add(BucketKey.emojiDay(GUILD, "🔥", T), Counter.REACTIONS, 4)
                .build();
    }

    /** Every stored bucket of the guild with its counters, as a reader sees them. */
    List<BucketRow> allBuckets() {
        TimeWindow all = new TimeWindow(Instant.EPOCH, T.plus(Duration.ofDays(3650)));
        List<BucketRow> rows = new ArrayList<>();
        for (BucketKind kind : BucketKind.values()) {
            rows.addAll(store.buckets(kind, GUILD, null, null, all));
        }
        return rows;
    }

    /** What the rows should hold after applying the batches once each. */
    static List<BucketRow> expectedRows(MetricBatch... batches) {
        MetricBatch.Builder merged = MetricBatch.builder("expected");
        for (MetricBatch batch : batches) {
            batch.increments().forEach(merged::add);
        }
        List<BucketRow> rows = new ArrayList<>();
        for (Increment increment : merged.build().increments()) {
            rows.add(new BucketRow(increment.key(), increment.deltas()));
        }
        return rows;
    }

    @Test
    void the_same_batch_applied_twice_counts_once() {
        // GIVEN a batch that was applied, but whose acknowledgement was lost
        MetricBatch batch = sampleBatch("batch-1");
        store.apply(batch);

        // WHEN the flusher retries it with the same id
        store.apply(batch);

        // THEN every counter holds its delta once
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(expectedRows(batch));
    }

    @Test
    void a_batch_interrupted_after_a_prefix_and_retried_counts_once() {
        // GIVEN a batch of which only the first 5 increments were written (an unordered bulk broken off)
        MetricBatch batch = sampleBatch("batch-1");
        store.apply(new MetricBatch(batch.batchId(), batch.increments().subList(0, 5)));

        // WHEN the whole batch is retried
        store.apply(batch);

        // THEN nothing is counted twice and nothing is missing
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(expectedRows(batch));
    }

    @Test
    void a_batch_of_which_any_subset_was_applied_counts_once_on_retry() {
        // GIVEN a batch of which every other increment was written (an unordered bulk may apply any subset)
        MetricBatch batch = sampleBatch("batch-1");
        List<Increment> everyOther = new ArrayList<>();
        for (int i = 0; i < batch.size(); i += 2) {
            everyOther.add(batch.increments().get(i));
        }
        store.apply(new MetricBatch(batch.batchId(), everyOther));

        // WHEN it is retried twice
        store.apply(batch);
        store.apply(batch);

        // THEN every counter holds its delta once
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(expectedRows(batch));
    }

    @Test
    void a_retry_is_exact_while_fewer_than_the_bound_of_other_batches_touched_the_bucket() {
        // GIVEN batch "first", then N-1 other batches on the same buckets
        MetricBatch first = sampleBatch("first");
        store.apply(first);
        List<MetricBatch> later = new ArrayList<>();
        for (int i = 1; i < MetricWriter.RECENT_BATCHES; i++) {
            MetricBatch other = sampleBatch("later-" + i);
            later.add(other);
            store.apply(other);
        }

        // WHEN "first" is retried
        store.apply(first);

        // THEN it was not counted again
        List<MetricBatch> all = new ArrayList<>(later);
        all.add(first);
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(expectedRows(all.toArray(MetricBatch[]::new)));
    }

    @Test
    void a_bucket_remembers_only_the_last_N_batch_ids() {
        // GIVEN N + 5 batches applied to one bucket
        BucketKey key = BucketKey.channelHour(GUILD, CHANNEL, T);
        int applied = MetricWriter.RECENT_BATCHES + 5;
        for (int i = 1; i <= applied; i++) {
            store.apply(MetricBatch.builder("b-" + i).add(key, Counter.MESSAGES, 1).build());
        }

        // WHEN the stored document is read
        Document doc = db.getCollection("hourly_metrics").find(new Document("_id", key.id())).first();

        // THEN its batch list holds exactly the last N ids, oldest first, and the count is complete
        List<String> expected = new ArrayList<>();
        for (int i = applied - MetricWriter.RECENT_BATCHES + 1; i <= applied; i++) {
            expected.add("b-" + i);
        }
        assertThat(doc.getList("batches", String.class)).containsExactlyElementsOf(expected);
        assertThat(((Number) doc.get("messages")).longValue()).isEqualTo(applied);
    }

    @Test
    void concurrent_batches_creating_the_same_new_buckets_lose_nothing() throws Exception {
        // GIVEN 6 writers, each with its own batch for the same 40 buckets that do not exist yet
        int writers = 6;
        List<BucketKey> keys = new ArrayList<>();
        for (int m = 1; m <= 40; m++) {
            keys.add(BucketKey.memberDay(GUILD, CHANNEL, ALICE + m, T));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                MetricBatch.Builder batch = MetricBatch.builder("writer-" + w);
                keys.forEach(k -> batch.add(k, Counter.MESSAGES, 1));
                MetricBatch built = batch.build();
                done.add(pool.submit(() -> {
                    start.await();
                    store.apply(built);
                    store.apply(built); // and each retries once
                    return null;
                }));
            }

            // WHEN they all write at once
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // THEN every bucket counts each writer exactly once
        List<BucketRow> rows = store.buckets(BucketKind.MEMBER_DAY, GUILD, CHANNEL, null,
                new TimeWindow(BucketKind.MEMBER_DAY.truncate(T), BucketKind.MEMBER_DAY.truncate(T).plus(Duration.ofDays(1))));
        assertThat(rows).hasSize(keys.size());
        assertThat(rows).allSatisfy(row -> assertThat(row.get(Counter.MESSAGES)).isEqualTo(writers));
    }

    @Test
    void a_write_error_other_than_a_duplicate_key_is_a_store_exception() {
        // GIVEN a bucket whose counter field was corrupted by hand (a string where a number belongs)
        BucketKey broken = BucketKey.channelHour(GUILD, CHANNEL, T);
        db.getCollection("hourly_metrics").insertOne(new Document("_id", broken.id()).append("messages", "many"));
        MetricBatch batch = sampleBatch("batch-1");

        // WHEN a batch touching it is applied
        // THEN the caller is told the write failed (and keeps the batch to retry)
        assertThatThrownBy(() -> store.apply(batch)).isInstanceOf(StoreException.class)
                .hasMessageContaining("hourly_metrics");

        // AND once the document is repaired, the retry completes the batch without double counting the rest
        db.getCollection("hourly_metrics").deleteOne(new Document("_id", broken.id()));
        store.apply(batch);
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(expectedRows(batch));
    }

    @Test
    void a_bucket_document_holds_its_key_counters_and_expiry_from_the_guild_retention() {
        // GIVEN a guild that keeps metrics for 7 days
        store.saveSettings(GuildSettings.defaults(GUILD).withRetention(new Retention(7, 30, 180), T));

        // WHEN a batch is applied
        store.apply(sampleBatch("batch-1"));

        // THEN a channel-hour bucket reads well in Atlas and expires 7 days after its hour starts
        BucketKey hour = BucketKey.channelHour(GUILD, CHANNEL, T);
        Document doc = db.getCollection("hourly_metrics").find(new Document("_id", hour.id())).first();
        assertThat(doc.getString("_id")).isEqualTo(GUILD + ":" + CHANNEL + ":0::" + Instant.parse("2026-11-23T10:00:00Z").getEpochSecond());
        assertThat(doc.getLong("guild_id")).isEqualTo(GUILD);
        assertThat(doc.getLong("channel_id")).isEqualTo(CHANNEL);
        assertThat(doc.getDate("start")).isEqualTo(Date.from(Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(((Number) doc.get("messages")).longValue()).isEqualTo(5);
        assertThat(doc.getDate("expire_at")).isEqualTo(Date.from(Instant.parse("2026-11-30T10:00:00Z")));
        assertThat(doc.getList("batches", String.class)).containsExactly("batch-1");

        // AND member-hour buckets keep their own short retention whatever the guild's setting
        Document memberHour = db.getCollection("user_hourly")
                .find(new Document("_id", BucketKey.memberHour(GUILD, CHANNEL, ALICE, T).id())).first();
        assertThat(memberHour.getDate("expire_at"))
                .isEqualTo(Date.from(Instant.parse("2026-11-23T10:00:00Z").plus(BucketKind.MEMBER_HOUR_RETENTION)));

        // AND a member-day bucket expires 7 days after its day starts
        Document memberDay = db.getCollection("user_daily")
                .find(new Document("_id", BucketKey.memberDay(GUILD, CHANNEL, ALICE, T).id())).first();
        assertThat(memberDay.getDate("expire_at")).isEqualTo(Date.from(Instant.parse("2026-11-30T00:00:00Z")));
        assertThat(((Number) memberDay.get("reactions")).longValue()).isEqualTo(4);
    }

    @Test
    void indexes_exist_after_start_and_creating_them_again_is_harmless() {
        // GIVEN a store that created its indexes on start
        Map<String, List<Document>> before = listIndexes();

        // WHEN a second store opens on the same database (a restart, or a second process)
        new MongoStore(client(), db.getName()).close();

        // THEN every declared index exists, with the same definitions as before
        MongoIndexes.names().forEach((collection, names) -> assertThat(before.get(collection))
                .extracting(d -> d.getString("name"))
                .as("indexes of %s", collection)
                .containsAll(names));
        assertThat(listIndexes()).isEqualTo(before);
        assertThat(before.get("user_daily")).anySatisfy(index -> {
            assertThat(index.getString("name")).isEqualTo("guild_channel_start");
            assertThat(index.get("key", Document.class)).isEqualTo(Document.parse("{guild_id: 1, channel_id: 1, start: 1}"));
        });
        assertThat(before.get("ai_summaries")).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).isEqualTo(Document.parse("{guild_id: 1, period_key: 1}"));
            assertThat(index.getBoolean("unique")).isTrue();
        });
    }

    @Test
    void every_expiring_collection_has_a_ttl_index_on_expire_at_with_zero_delay() {
        // GIVEN a freshly opened store
        Map<String, List<Document>> indexes = listIndexes();

        // THEN each collection but the settings deletes documents once their expire_at has passed
        for (String collection : CollectionNames.expiring()) {
            assertThat(indexes.get(collection)).as("TTL index of %s", collection).anySatisfy(index -> {
                assertThat(index.get("key", Document.class)).isEqualTo(new Document("expire_at", 1));
                assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
            });
        }
    }

    @Test
    void instants_round_trip_exactly_below_the_millisecond() {
        // GIVEN an alert whose times have nanoseconds (a BSON date holds milliseconds)
        Instant started = Instant.parse("2026-11-23T10:15:00.123456789Z");
        AlertRecord alert = new AlertRecord(AlertRecord.idFor(GUILD, AlertType.JOIN_RAID, started), GUILD,
                AlertType.JOIN_RAID, Severity.CRITICAL, started, started.plusNanos(1_500), List.of(CHANNEL), 14, 2.0,
                "usually 2 joins/min, now 14 in 60 s");

        // WHEN it is saved and read back
        store.saveAlert(alert);

        // THEN it is the same record, and the stored field is still a date
        assertThat(store.alerts(GUILD, new TimeWindow(started, started.plusSeconds(1)))).containsExactly(alert);
        assertThat(store.alerts(GUILD, new TimeWindow(started.plusNanos(1), started.plusSeconds(1)))).isEmpty();
        Document doc = db.getCollection("alerts").find().first();
        assertThat(doc.getDate("started_at")).isEqualTo(Date.from(Instant.parse("2026-11-23T10:15:00.123Z")));
    }

    @Test
    void settings_are_stored_field_by_field_as_an_admin_reads_them_in_atlas() throws Exception {
        // GIVEN settings that differ from the defaults in every field
        Instant t = Instant.parse("2026-11-23T10:15:00.125Z");
        GuildSettings settings = GuildSettings.defaults(GUILD)
                .withUpdateChannel(CHANNEL, t)
                .withCollectChannels(java.util.Set.of(OTHER_CHANNEL, CHANNEL), t)
                .withDigest(io.serverpulse.common.settings.DigestFrequency.DAILY, t)
                .withAlert(AlertType.JOIN_RAID, new io.serverpulse.common.alerts.AlertRule(true, 25, Duration.ofSeconds(90), 2.5), t)
                .withAlert(AlertType.VOICE_SURGE, io.serverpulse.common.alerts.AlertRule.defaultFor(AlertType.VOICE_SURGE).withEnabled(false), t)
                .withRetention(new Retention(30, 7, 60), t)
                .withAiChain(java.util.List.of(
                        new AiProviderEntry(AiProvider.ANTHROPIC, "claude-test", "v1:c2VhbGVkLWtleQ=="),
                        new AiProviderEntry(AiProvider.GROQ, "llama-test", "v1:Z3JvcS1rZXk="),
                        new AiProviderEntry(AiProvider.OPENAI, null, null)), t)
                .withLocale("de", t)
                .withSentiment(true, t)
                .withCountBots(true, t)
                .withTimeZone("Europe/Berlin", t);
        Document fixture = Document.parse(fixture("fixtures/guild_settings_document.json"));

        // WHEN they are saved
        store.saveSettings(settings);

        // THEN the stored document is exactly the readable fixture
        Document stored = db.getCollection("guild_settings").find(new Document("_id", GUILD)).first();
        assertThat(stored).isEqualTo(fixture);

        // AND a document written that way by hand (say, edited in Atlas) reads back as those settings
        db.getCollection("guild_settings").deleteMany(new Document());
        db.getCollection("guild_settings").insertOne(fixture);
        assertThat(store.findSettings(GUILD)).contains(settings);
    }

    @Test
    void a_settings_document_written_before_versions_existed_is_updated_and_versioned() throws Exception {
        // GIVEN a settings document without a version field (written by an earlier ServerPulse)
        Document old = Document.parse(fixture("fixtures/guild_settings_document.json"));
        old.remove("version");
        db.getCollection("guild_settings").insertOne(old);

        // WHEN two updates change it
        store.updateSettings(GUILD, current -> current.withDigest(io.serverpulse.common.settings.DigestFrequency.NONE, Instant.EPOCH));
        GuildSettings stored = store.updateSettings(GUILD, current -> current.withSentiment(false, Instant.EPOCH));

        // THEN both changes are stored on top of the old document, which now carries version 2
        assertThat(stored.digest()).isEqualTo(io.serverpulse.common.settings.DigestFrequency.NONE);
        assertThat(stored.sentimentEnabled()).isFalse();
        assertThat(stored.collectChannels()).hasSize(2);
        assertThat(store.findSettings(GUILD)).contains(stored);
        assertThat(db.getCollection("guild_settings").find(new Document("_id", GUILD)).first().get("version")).isEqualTo(2L);
    }

    @Test
    void a_settings_document_written_before_fallback_providers_reads_with_one_provider() throws Exception {
        // GIVEN a settings document of an older version: one provider, no ai_fallbacks field
        Document old = Document.parse(fixture("fixtures/guild_settings_document.json"));
        old.remove("ai_fallbacks");
        db.getCollection("guild_settings").insertOne(old);

        // WHEN it is read
        GuildSettings settings = store.findSettings(GUILD).orElseThrow();

        // THEN the provider, model and key are kept, with no fallback
        assertThat(settings.aiChain()).containsExactly(new AiProviderEntry(AiProvider.ANTHROPIC, "claude-test", "v1:c2VhbGVkLWtleQ=="));
    }

    @Test
    void a_settings_document_written_before_time_zones_existed_reads_as_utc() throws Exception {
        // GIVEN a settings document as stored by a version without time zones
        Document old = Document.parse(fixture("fixtures/guild_settings_document.json"));
        old.remove("time_zone");
        db.getCollection("guild_settings").insertOne(old);

        // WHEN it is read
        GuildSettings settings = store.settings(GUILD);

        // THEN it reads, with the default zone, and everything else as stored
        assertThat(settings.timeZone()).isEqualTo("UTC");
        assertThat(settings.zone()).isEqualTo(java.time.ZoneId.of("UTC"));
        assertThat(settings.locale()).isEqualTo("de");
    }

    @Test
    void a_settings_document_broken_by_hand_is_reported_with_its_id() throws Exception {
        // GIVEN a settings document whose raid threshold was set to 0 in Atlas
        Document broken = Document.parse(fixture("fixtures/guild_settings_document.json"));
        broken.get("alerts", Document.class).get("raid", Document.class).put("threshold", 0);
        db.getCollection("guild_settings").insertOne(broken);

        // WHEN the settings are read
        // THEN the error names the document and the rule it breaks
        assertThatThrownBy(() -> store.findSettings(GUILD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("guild_settings document " + GUILD + " is invalid")
                .hasMessageContaining("threshold");
    }

    private static String fixture(String path) throws java.io.IOException {
        try (java.io.InputStream in = MongoStoreBehaviour.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Map<String, List<Document>> listIndexes() {
        Map<String, List<Document>> all = new java.util.TreeMap<>();
        for (String collection : MongoIndexes.names().keySet()) {
            List<Document> indexes = db.getCollection(collection).listIndexes().into(new ArrayList<>());
            indexes.forEach(index -> index.remove("ns"));
            all.put(collection, indexes);
        }
        return all;
    }
}
