package io.serverpulse.store.mongodb;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.digest.DigestRecord;
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
import io.serverpulse.common.privacy.MemberErasure;
import io.serverpulse.common.privacy.MemberOptOut;
import io.serverpulse.common.retention.RestampStep;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.GuildDataVisitor;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Store}: MongoDB (Atlas or any MongoDB 6+) through the sync driver.
 *
 * <p>Every document carries {@code guild_id} and every query is scoped by it ({@link CollectionNames} lists
 * the collections and their ids); every document but the settings carries the {@code expire_at} the
 * {@link RetentionPolicy} gives it (this adapter only stores it), honoured by TTL indexes and by
 * {@link #sweepExpired(Instant)}. Indexes are created on start, idempotently ({@link MongoIndexes}). Metric
 * batches are idempotent without transactions ({@link MetricWriter}).
 *
 * <p>Only operations that mongo-java-server (the tests' wire-protocol stand-in) also supports are
 * used: no transactions, no {@code $dateTrunc}, no {@code $setWindowFields}.
 *
 * <p>Thread-safe. Any failure to reach or use the database surfaces as a {@link StoreException}; so
 * does any use after {@link #close()} ({@link StoreException#closed}).
 */
public final class MongoStore implements Store {

    public static final String DEFAULT_DATABASE = "serverpulse";

    private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);

    private final MongoClient client;
    private final boolean ownsClient;
    private final MongoDatabase database;
    private final String description;
    private final RetentionPolicy policy;
    private final RetentionLookup retentions;
    private final SettingsCollection settings;
    private final MetricWriter writer;
    private final MetricReader reader;
    private final GuildRecords records;
    private final OptOutDocuments optOuts;
    private final GuildData guildData;
    private final DigestLedgerCollection digests;
    private final UsageCounterCollection usage;
    private volatile boolean closed;

    /** Uses a client the caller owns (and closes): {@link #close()} leaves it open. */
    public MongoStore(MongoClient client, String databaseName) {
        this(client, databaseName, false);
    }

    /**
     * Opens the store on the named database and creates its indexes, keeping rows as the seed's
     * default retention says.
     *
     * @param ownsClient whether {@link #close()} closes the client
     * @throws StoreException if the database cannot be reached (the client is closed if owned)
     */
    public MongoStore(MongoClient client, String databaseName, boolean ownsClient) {
        this(client, databaseName, ownsClient, RetentionPolicy.STANDARD, null);
    }

    /** As {@link #MongoStore(MongoClient, String, boolean)}, keeping rows as {@code policy} says (the configured default retention). */
    public MongoStore(MongoClient client, String databaseName, boolean ownsClient, RetentionPolicy policy) {
        this(client, databaseName, ownsClient, policy, null);
    }

    /** @param indexTimeout the operation timeout for index creation when the client has one ({@code timeoutMS}), else null */
    MongoStore(MongoClient client, String databaseName, boolean ownsClient, RetentionPolicy policy, Duration indexTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ownsClient = ownsClient;
        if (databaseName == null || databaseName.isBlank()) {
            if (ownsClient) {
                client.close();
            }
            throw new IllegalArgumentException("a database name is required");
        }
        this.database = client.getDatabase(databaseName);
        this.description = MongoConnections.describe(client.getClusterDescription().getClusterSettings(), databaseName);
        this.retentions = new RetentionLookup(database, policy);
        this.settings = new SettingsCollection(database);
        this.writer = new MetricWriter(database, retentions);
        this.reader = new MetricReader(database);
        this.records = new GuildRecords(database, retentions);
        this.optOuts = new OptOutDocuments(database);
        this.guildData = new GuildData(database, policy, optOuts);
        this.digests = new DigestLedgerCollection(database, retentions);
        this.usage = new UsageCounterCollection(database);
        try {
            MongoDatabase indexes = indexTimeout == null ? database : database.withTimeout(indexTimeout.toMillis(), TimeUnit.MILLISECONDS);
            run("index creation", () -> MongoIndexes.ensure(indexes));
        } catch (RuntimeException e) {
            if (ownsClient) {
                client.close();
            }
            throw e;
        }
        LOG.info("MongoDB store ready: {}", description);
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
        return call("settings read", () -> settings.find(guildId));
    }

    @Override
    public GuildSettings updateSettings(long guildId, UnaryOperator<GuildSettings> change) {
        Objects.requireNonNull(change, "change");
        return call("settings write", () -> settings.update(guildId, change));
    }

    @Override
    public List<GuildSettings> allSettings() {
        return call("settings read", settings::all);
    }

    // ---- metrics

    @Override
    public void apply(MetricBatch batch) {
        Objects.requireNonNull(batch, "batch");
        run("metric write", () -> writer.apply(batch));
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

    // ---- member events, alerts, summaries, leaderboard cache

    @Override
    public void recordMemberEvents(List<MemberEvent> events) {
        Objects.requireNonNull(events, "events");
        run("member event write", () -> records.recordMemberEvents(events));
    }

    @Override
    public List<MemberEvent> memberEvents(long guildId, TimeWindow window) {
        Objects.requireNonNull(window, "window");
        return call("member event read", () -> records.memberEvents(guildId, window));
    }

    @Override
    public void saveAlert(AlertRecord alert) {
        Objects.requireNonNull(alert, "alert");
        run("alert write", () -> records.saveAlert(alert));
    }

    @Override
    public List<AlertRecord> alerts(long guildId, TimeWindow window) {
        Objects.requireNonNull(window, "window");
        return call("alert read", () -> records.alerts(guildId, window));
    }

    @Override
    public void saveSummary(AiSummary summary) {
        Objects.requireNonNull(summary, "summary");
        run("summary write", () -> records.saveSummary(summary));
    }

    @Override
    public Optional<AiSummary> summary(long guildId, String periodKey) {
        Objects.requireNonNull(periodKey, "periodKey");
        return call("summary read", () -> records.summary(guildId, periodKey));
    }

    @Override
    public DigestRecord claimDigest(long guildId, String periodKey, String owner, Instant now, Duration lease) {
        Objects.requireNonNull(periodKey, "periodKey");
        return call("digest claim", () -> digests.claim(guildId, periodKey, owner, now, lease));
    }

    @Override
    public boolean digestPosted(long guildId, String periodKey, String owner, long channelId, long messageId, Instant at) {
        Objects.requireNonNull(periodKey, "periodKey");
        return call("digest posted", () -> digests.posted(guildId, periodKey, owner, channelId, messageId, at));
    }

    @Override
    public Optional<DigestRecord> digestRecord(long guildId, String periodKey) {
        Objects.requireNonNull(periodKey, "periodKey");
        return call("digest read", () -> digests.find(guildId, periodKey));
    }

    @Override
    public long addUse(long guildId, long memberId, String counter, Instant windowStart, Instant expireAt, long delta) {
        Objects.requireNonNull(counter, "counter");
        return call("usage count", () -> usage.add(guildId, memberId, counter, windowStart, expireAt, delta));
    }

    @Override
    public void saveLeaderboard(CachedLeaderboard leaderboard) {
        Objects.requireNonNull(leaderboard, "leaderboard");
        run("leaderboard cache write", () -> records.saveLeaderboard(leaderboard));
    }

    @Override
    public Optional<CachedLeaderboard> leaderboard(long guildId, long channelId, Counter counter, Period period) {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(period, "period");
        return call("leaderboard cache read", () -> records.leaderboard(guildId, channelId, counter, period));
    }

    // ---- opt-outs

    @Override
    public boolean optOut(MemberOptOut optOut) {
        Objects.requireNonNull(optOut, "optOut");
        return call("opt-out write", () -> optOuts.optOut(optOut));
    }

    @Override
    public boolean optIn(long guildId, long memberId) {
        return call("opt-out removal", () -> optOuts.optIn(guildId, memberId));
    }

    @Override
    public Optional<MemberOptOut> optOut(long guildId, long memberId) {
        return call("opt-out read", () -> optOuts.find(guildId, memberId));
    }

    @Override
    public Set<Long> optedOut(long guildId) {
        return call("opt-out read", () -> optOuts.ofGuild(guildId));
    }

    @Override
    public List<MemberOptOut> allOptOuts() {
        return call("opt-out read", optOuts::all);
    }

    // ---- whole guild

    @Override
    public void exportGuild(long guildId, GuildDataVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        run("export", () -> guildData.export(guildId, visitor));
    }

    @Override
    public long eraseGuild(long guildId) {
        return call("guild erasure", () -> guildData.eraseGuild(guildId));
    }

    @Override
    public MemberErasure eraseMember(long guildId, long memberId) {
        return call("member erasure", () -> guildData.eraseMember(guildId, memberId));
    }

    @Override
    public long sweepExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return call("retention sweep", () -> guildData.sweepExpired(now));
    }

    @Override
    public RetentionPolicy retentionPolicy() {
        return policy;
    }

    @Override
    public RestampStep restampExpiry(long guildId, Retention retention, String resumeAfter, int limit) {
        Objects.requireNonNull(retention, "retention");
        return call("re-stamp", () -> guildData.restamp(guildId, retention, resumeAfter, limit));
    }

    // ---- helpers

    private void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    private <T> T call(String what, Supplier<T> action) {
        if (closed) {
            throw StoreException.closed(description);
        }
        try {
            return action.get();
        } catch (MongoException e) {
            throw new StoreException("MongoDB " + what + " failed on " + description + ": " + e.getMessage(), e);
        }
    }
}
