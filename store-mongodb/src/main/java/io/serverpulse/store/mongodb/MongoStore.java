package io.serverpulse.store.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import com.mongodb.connection.ClusterSettings;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.GuildDataVisitor;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Store}: MongoDB (Atlas or any MongoDB 6+) through the sync driver.
 *
 * <p>Collections: {@code guild_settings} ({@code _id} = guild id, mapped field by field),
 * the buckets {@code hourly_metrics}, {@code user_hourly}, {@code user_daily}, {@code emoji_daily}
 * ({@code _id} = {@link io.serverpulse.common.metrics.BucketKey#id()}), {@code member_events},
 * {@code alerts}, {@code ai_summaries}, {@code leaderboard_cache} (each {@code _id} = the record's
 * deterministic id). Every document carries {@code guild_id} and every query is scoped by it; every
 * document but the settings carries an {@code expire_at} from its guild's retention, honoured by TTL
 * indexes and by {@link #sweepExpired(Instant)}. Indexes are created on start, idempotently
 * ({@link MongoIndexes}). Metric batches are idempotent without transactions ({@link MetricWriter}).
 *
 * <p>Only operations that mongo-java-server (the tests' wire-protocol stand-in) also supports are
 * used: no transactions, no {@code $dateTrunc}, no {@code $setWindowFields}.
 *
 * <p>Thread-safe. Any failure to reach or use the database surfaces as a {@link StoreException}.
 */
public final class MongoStore implements Store {

    public static final String DEFAULT_DATABASE = "serverpulse";
    /** How long an operation waits for a reachable server before failing, unless the URI says otherwise. */
    public static final Duration DEFAULT_SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);

    private final MongoClient client;
    private final boolean ownsClient;
    private final MongoDatabase database;
    private final String description;
    private final RetentionLookup retentions;
    private final MetricWriter writer;
    private final MetricReader reader;
    private volatile boolean closed;

    /** Uses a client the caller owns (and closes): {@link #close()} leaves it open. */
    public MongoStore(MongoClient client, String databaseName) {
        this(client, databaseName, false);
    }

    /**
     * Opens the store on the named database and creates its indexes.
     *
     * @param ownsClient whether {@link #close()} closes the client
     * @throws StoreException if the database cannot be reached (the client is closed if owned)
     */
    public MongoStore(MongoClient client, String databaseName, boolean ownsClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        if (databaseName == null || databaseName.isBlank()) {
            throw new IllegalArgumentException("a database name is required");
        }
        this.database = client.getDatabase(databaseName);
        this.description = describe(client.getClusterDescription().getClusterSettings(), databaseName);
        this.retentions = new RetentionLookup(database);
        this.writer = new MetricWriter(database, retentions);
        this.reader = new MetricReader(database);
        try {
            call("index creation", () -> {
                MongoIndexes.ensure(database);
                return null;
            });
        } catch (RuntimeException e) {
            if (ownsClient) {
                client.close();
            }
            throw e;
        }
        LOG.info("MongoDB store ready: {}", description);
    }

    /**
     * Connects to the URI ({@code mongodb://} or {@code mongodb+srv://}); the database is the URI's
     * path, {@link #DEFAULT_DATABASE} when it has none. Server selection times out after the URI's
     * {@code serverSelectionTimeoutMS}, or {@link #DEFAULT_SERVER_SELECTION_TIMEOUT}.
     *
     * @throws IllegalArgumentException if the URI is not a MongoDB connection string
     * @throws StoreException if the database cannot be reached
     */
    public static MongoStore connect(String uri) {
        ConnectionString connection = parse(uri);
        Integer fromUri = connection.getServerSelectionTimeout();
        return connect(connection, fromUri == null ? DEFAULT_SERVER_SELECTION_TIMEOUT : Duration.ofMillis(fromUri));
    }

    /** As {@link #connect(String)}, with this server-selection (and connect) timeout whatever the URI says. */
    public static MongoStore connect(String uri, Duration serverSelectionTimeout) {
        return connect(parse(uri), serverSelectionTimeout);
    }

    private static MongoStore connect(ConnectionString connection, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the server selection timeout must be positive: " + timeout);
        }
        long millis = timeout.toMillis();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) Math.min(millis, Integer.MAX_VALUE), TimeUnit.MILLISECONDS))
                .build();
        String databaseName = connection.getDatabase() == null || connection.getDatabase().isBlank()
                ? DEFAULT_DATABASE : connection.getDatabase();
        return new MongoStore(MongoClients.create(settings), databaseName, true);
    }

    private static ConnectionString parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("MONGODB_URI is empty");
        }
        try {
            return new ConnectionString(uri.trim());
        } catch (IllegalArgumentException e) {
            // the driver's message may quote the URI, password included: keep it out of logs
            throw new IllegalArgumentException("MONGODB_URI is not a valid MongoDB connection string "
                    + "(mongodb://host[:port][/database][?options] or mongodb+srv://host[/database][?options])");
        }
    }

    /** Scheme, hosts and database only: never user, password or options (which may hold secrets too). */
    static String describe(ClusterSettings cluster, String databaseName) {
        if (cluster.getSrvHost() != null) {
            return "mongodb+srv://" + cluster.getSrvHost() + "/" + databaseName;
        }
        return "mongodb://" + cluster.getHosts().stream().map(ServerAddress::toString).collect(Collectors.joining(","))
                + "/" + databaseName;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean healthy() {
        if (closed) {
            return false;
        }
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (MongoException e) {
            LOG.debug("MongoDB ping failed: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownsClient) {
            client.close();
        }
    }

    // ---- settings

    @Override
    public Optional<GuildSettings> findSettings(long guildId) {
        return call("settings read", () -> Optional.ofNullable(settings().find(new Document(Fields.ID, guildId)).first())
                .map(SettingsDocuments::fromDocument));
    }

    @Override
    public void saveSettings(GuildSettings settings) {
        call("settings write", () -> settings().replaceOne(new Document(Fields.ID, settings.guildId()),
                SettingsDocuments.toDocument(settings), new ReplaceOptions().upsert(true)));
    }

    @Override
    public List<GuildSettings> allSettings() {
        return call("settings read", () -> {
            List<GuildSettings> all = new ArrayList<>();
            for (Document d : settings().find().sort(Sorts.ascending(Fields.ID))) {
                all.add(SettingsDocuments.fromDocument(d));
            }
            return all;
        });
    }

    // ---- metrics

    @Override
    public void apply(MetricBatch batch) {
        Objects.requireNonNull(batch, "batch");
        call("metric write", () -> {
            writer.apply(batch);
            return null;
        });
    }

    @Override
    public List<MemberCount> topMembers(LeaderboardQuery query) {
        return call("leaderboard read", () -> reader.topMembers(query));
    }

    @Override
    public List<BucketRow> buckets(BucketKind kind, long guildId, Long channelId, Long memberId, TimeWindow window) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        return call("bucket read", () -> reader.buckets(kind, guildId, channelId, memberId, window));
    }

    @Override
    public List<KeyCount> totals(BucketKind kind, long guildId, Counter counter, TimeWindow window, int limit) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(window, "window");
        return call("totals read", () -> reader.totals(kind, guildId, counter, window, limit));
    }

    // ---- member events

    @Override
    public void recordMemberEvents(List<MemberEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        call("member event write", () -> {
            Map<Long, Retention> retention = retentions.of(guilds(events, MemberEvent::guildId));
            List<WriteModel<Document>> writes = new ArrayList<>(events.size());
            for (MemberEvent e : events) {
                Instant expireAt = e.at().plus(retention.get(e.guildId()).metrics());
                writes.add(new ReplaceOneModel<>(new Document(Fields.ID, e.id()), RecordDocuments.memberEvent(e, expireAt),
                        new ReplaceOptions().upsert(true)));
            }
            collection(CollectionNames.MEMBER_EVENTS).bulkWrite(writes);
            return null;
        });
    }

    @Override
    public List<MemberEvent> memberEvents(long guildId, TimeWindow window) {
        return call("member event read", () -> {
            List<MemberEvent> events = new ArrayList<>();
            for (Document d : collection(CollectionNames.MEMBER_EVENTS).find(between(guildId, "at", window))) {
                MemberEvent e = RecordDocuments.memberEvent(d);
                if (window.contains(e.at())) {
                    events.add(e);
                }
            }
            events.sort(Comparator.comparing(MemberEvent::at).thenComparing(MemberEvent::id, CodePointOrder.COMPARATOR));
            return events;
        });
    }

    // ---- alerts

    @Override
    public void saveAlert(AlertRecord alert) {
        call("alert write", () -> {
            Instant expireAt = alert.startedAt().plus(retentions.of(alert.guildId()).metrics());
            return collection(CollectionNames.ALERTS).replaceOne(new Document(Fields.ID, RecordDocuments.alertId(alert.guildId(), alert.id())),
                    RecordDocuments.alert(alert, expireAt), new ReplaceOptions().upsert(true));
        });
    }

    @Override
    public List<AlertRecord> alerts(long guildId, TimeWindow window) {
        return call("alert read", () -> {
            List<AlertRecord> alerts = new ArrayList<>();
            for (Document d : collection(CollectionNames.ALERTS).find(between(guildId, "started_at", window))) {
                AlertRecord a = RecordDocuments.alert(d);
                if (window.contains(a.startedAt())) {
                    alerts.add(a);
                }
            }
            alerts.sort(Comparator.comparing(AlertRecord::startedAt).thenComparing(AlertRecord::id, CodePointOrder.COMPARATOR));
            return alerts;
        });
    }

    // ---- AI summaries

    @Override
    public void saveSummary(AiSummary summary) {
        call("summary write", () -> {
            Instant expireAt = summary.createdAt().plus(retentions.of(summary.guildId()).summaries());
            return collection(CollectionNames.AI_SUMMARIES).replaceOne(
                    new Document(Fields.ID, RecordDocuments.summaryId(summary.guildId(), summary.periodKey())),
                    RecordDocuments.summary(summary, expireAt), new ReplaceOptions().upsert(true));
        });
    }

    @Override
    public Optional<AiSummary> summary(long guildId, String periodKey) {
        Objects.requireNonNull(periodKey, "periodKey");
        return call("summary read", () -> Optional.ofNullable(collection(CollectionNames.AI_SUMMARIES)
                        .find(new Document(Fields.ID, RecordDocuments.summaryId(guildId, periodKey))).first())
                .map(RecordDocuments::summary)
                .filter(s -> s.guildId() == guildId && s.periodKey().equals(periodKey)));
    }

    // ---- leaderboard cache

    @Override
    public void saveLeaderboard(CachedLeaderboard leaderboard) {
        call("leaderboard cache write", () -> {
            Instant expireAt = leaderboard.computedAt().plus(retentions.of(leaderboard.guildId()).leaderboards());
            return collection(CollectionNames.LEADERBOARD_CACHE).replaceOne(new Document(Fields.ID, leaderboard.id()),
                    RecordDocuments.leaderboard(leaderboard, expireAt), new ReplaceOptions().upsert(true));
        });
    }

    @Override
    public Optional<CachedLeaderboard> leaderboard(long guildId, long channelId, Counter counter, Period period) {
        String id = new CachedLeaderboard(guildId, channelId, counter, period, Instant.EPOCH, List.of()).id();
        return call("leaderboard cache read", () -> Optional.ofNullable(collection(CollectionNames.LEADERBOARD_CACHE)
                        .find(new Document(Fields.ID, id)).first())
                .map(RecordDocuments::leaderboard)
                .filter(l -> l.guildId() == guildId));
    }

    // ---- whole guild

    @Override
    public void exportGuild(long guildId, GuildDataVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        call("export", () -> {
            findSettings(guildId).ifPresent(visitor::settings);
            Bson byStart = Sorts.ascending(Fields.START, Fields.ID);
            for (BucketKind kind : BucketKind.values()) {
                for (Document d : collection(kind.collection()).find(new Document(Fields.GUILD_ID, guildId)).sort(byStart)) {
                    visitor.bucket(BucketDocuments.row(kind, d));
                }
            }
            Document guild = new Document(Fields.GUILD_ID, guildId);
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
            return null;
        });
    }

    @Override
    public long eraseGuild(long guildId) {
        return call("guild erasure", () -> {
            long deleted = 0;
            for (String name : CollectionNames.expiring()) {
                deleted += collection(name).deleteMany(new Document(Fields.GUILD_ID, guildId)).getDeletedCount();
            }
            deleted += settings().deleteOne(new Document(Fields.ID, guildId)).getDeletedCount();
            LOG.info("erased guild {}: {} documents", guildId, deleted);
            return deleted;
        });
    }

    @Override
    public long eraseMember(long guildId, long memberId) {
        return call("member erasure", () -> {
            Document member = new Document(Fields.GUILD_ID, guildId).append(Fields.MEMBER_ID, memberId);
            long deleted = 0;
            for (String name : List.of(BucketKind.MEMBER_HOUR.collection(), BucketKind.MEMBER_DAY.collection(),
                    CollectionNames.MEMBER_EVENTS)) {
                deleted += collection(name).deleteMany(member).getDeletedCount();
            }
            LOG.info("erased member {} of guild {}: {} documents", memberId, guildId, deleted);
            return deleted;
        });
    }

    @Override
    public long sweepExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return call("retention sweep", () -> {
            Document expired = new Document(Fields.EXPIRE_AT, new Document("$lte", BsonInstants.floor(now)));
            long deleted = 0;
            for (String name : CollectionNames.expiring()) {
                deleted += collection(name).deleteMany(expired).getDeletedCount();
            }
            LOG.debug("retention sweep at {}: {} documents deleted", now, deleted);
            return deleted;
        });
    }

    // ---- helpers

    private MongoCollection<Document> settings() {
        return collection(CollectionNames.GUILD_SETTINGS);
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /** {@code {guild_id: g, <field>: {$gte, $lt}}} widened to whole milliseconds; callers filter exactly. */
    private static Document between(long guildId, String field, TimeWindow window) {
        return new Document(Fields.GUILD_ID, guildId)
                .append(field, new Document("$gte", BsonInstants.floor(window.from())).append("$lt", BsonInstants.ceil(window.to())));
    }

    private static <T> Set<Long> guilds(List<T> items, java.util.function.ToLongFunction<T> guildId) {
        Set<Long> guilds = new LinkedHashSet<>();
        items.forEach(item -> guilds.add(guildId.applyAsLong(item)));
        return guilds;
    }

    private <T> T call(String what, Supplier<T> action) {
        if (closed) {
            throw new IllegalStateException("the MongoDB store " + description + " is closed");
        }
        try {
            return action.get();
        } catch (MongoException e) {
            throw new StoreException("MongoDB " + what + " failed on " + description + ": " + e.getMessage(), e);
        }
    }
}
