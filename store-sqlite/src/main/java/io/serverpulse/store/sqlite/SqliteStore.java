package io.serverpulse.store.sqlite;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link Store}: one SQLite file ({@value #FILE_NAME}) in the data directory, in WAL
 * mode with {@code synchronous=FULL} (a committed batch survives a crash or power cut), a busy
 * timeout for when another connection holds the write lock, and versioned schema migrations
 * applied at open ({@link Migrations}).
 *
 * <p>This class only opens the store and hands each call to the role that does it, as
 * {@code MongoStore} does: {@link SettingsRows} (guild settings, changed by a version
 * compare-and-set, and the retention in force), {@link MetricWriter} (idempotent metric batches: every upsert and the batch id in one
 * transaction), {@link MetricReader} (leaderboards, bucket rows, totals), {@link GuildRecords}
 * (member events, alerts, AI summaries, cached leaderboards), {@link OptOutRows} (members' opt-outs),
 * {@link DigestRows} (the digest ledger), {@link UsageRows} (usage counters) and {@link GuildData} (export,
 * erasure, the retention sweep and re-stamping). Every row's {@code expire_at} is what the
 * {@link RetentionPolicy} of {@link Options#retention()} gives it; this adapter only stores it. They share one {@link SqliteConnection}: one writer used
 * under one lock, and reader connections beside it.
 *
 * <p>Thread-safe. Every SQL failure (for example {@code SQLITE_BUSY} when another process holds
 * the write lock longer than the busy timeout) rolls back and becomes a {@link StoreException};
 * nothing was written, and the caller may retry the same batch. A closed store throws
 * {@link StoreException#closed}.
 */
public final class SqliteStore implements Store {

    /** The environment variable naming the data directory. */
    public static final String DATA_DIR_ENV = "SERVERPULSE_DATA_DIR";
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final String FILE_NAME = "serverpulse.db";
    /** How long an applied batch id is remembered, so that a late retry still counts nothing twice. */
    public static final Duration BATCH_ID_RETENTION = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

    /**
     * @param busyTimeout how long a write waits for another connection's write lock before failing
     * @param clock times applied batch ids (nothing else: every other time comes from the data)
     * @param faultHook where a test makes {@code apply} die part-way; {@link ApplyFaultHook#NONE} otherwise
     * @param retention how long rows are kept ({@link RetentionPolicy}: the configured default retention)
     */
    public record Options(Duration busyTimeout, Clock clock, ApplyFaultHook faultHook, RetentionPolicy retention) {
        public Options {
            Objects.requireNonNull(busyTimeout, "busyTimeout");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(faultHook, "faultHook");
            Objects.requireNonNull(retention, "retention");
            if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("busyTimeout out of range: " + busyTimeout);
            }
        }

        public Options(Duration busyTimeout, Clock clock) {
            this(busyTimeout, clock, ApplyFaultHook.NONE, RetentionPolicy.STANDARD);
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), Clock.systemUTC());
        }

        public Options withBusyTimeout(Duration timeout) {
            return new Options(timeout, clock, faultHook, retention);
        }

        public Options withClock(Clock newClock) {
            return new Options(busyTimeout, newClock, faultHook, retention);
        }

        public Options withFaultHook(ApplyFaultHook hook) {
            return new Options(busyTimeout, clock, hook, retention);
        }

        public Options withRetention(RetentionPolicy policy) {
            return new Options(busyTimeout, clock, faultHook, policy);
        }
    }

    private final SqliteConnection db;
    private final SettingsRows settings;
    private final MetricWriter writer;
    private final MetricReader reader;
    private final GuildRecords records;
    private final OptOutRows optOuts;
    private final GuildData guildData;
    private final DigestRows digests;
    private final UsageRows usage;

    private SqliteStore(SqliteConnection db, Options options) throws SQLException {
        this.db = db;
        this.settings = new SettingsRows(db, options.retention());
        this.writer = new MetricWriter(db, settings, options.clock(), options.faultHook());
        this.reader = new MetricReader(db);
        this.records = new GuildRecords(db, settings);
        this.optOuts = new OptOutRows(db);
        this.guildData = new GuildData(db, settings, optOuts);
        this.digests = new DigestRows(db, settings);
        this.usage = new UsageRows(db);
    }

    /** The data directory named by {@value #DATA_DIR_ENV} in {@code env}, or {@code ./data}. */
    public static Path dataDir(Map<String, String> env) {
        String configured = env.get(DATA_DIR_ENV);
        return configured == null || configured.isBlank() ? DEFAULT_DATA_DIR : Path.of(configured.trim());
    }

    /** Opens (creating if needed) {@value #FILE_NAME} in {@code dataDir}, with default options. */
    public static SqliteStore open(Path dataDir) {
        return open(dataDir, Options.defaults());
    }

    /** Opens (creating the directory and file if needed) and migrates the store in {@code dataDir}. */
    public static SqliteStore open(Path dataDir, Options options) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        SqliteConnection db = SqliteConnection.open(file, options.busyTimeout(), options.clock());
        try {
            SqliteStore store = new SqliteStore(db, options);
            LOG.info("Opened SQLite store {} (schema version {})", file, Migrations.latestVersion());
            return store;
        } catch (SQLException | RuntimeException e) {
            db.close();
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw new StoreException("cannot open the SQLite store " + file + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- settings

    @Override
    public Optional<GuildSettings> findSettings(long guildId) {
        return settings.find(guildId);
    }

    @Override
    public GuildSettings updateSettings(long guildId, UnaryOperator<GuildSettings> change) {
        return settings.update(guildId, change);
    }

    @Override
    public List<GuildSettings> allSettings() {
        return settings.all();
    }

    // ---------------------------------------------------------------- metrics

    @Override
    public void apply(MetricBatch batch) {
        writer.apply(batch);
    }

    @Override
    public List<MemberCount> topMembers(LeaderboardQuery query) {
        return reader.topMembers(query);
    }

    @Override
    public List<BucketRow> buckets(BucketKind kind, long guildId, Long channelId, Long memberId, TimeWindow window) {
        return reader.buckets(kind, guildId, channelId, memberId, window);
    }

    @Override
    public List<KeyCount> totals(BucketKind kind, long guildId, Counter counter, TimeWindow window, int limit) {
        return reader.totals(kind, guildId, counter, window, limit);
    }

    // ---------------------------------------------------------------- member events, alerts, summaries, leaderboard cache

    @Override
    public void recordMemberEvents(List<MemberEvent> events) {
        records.recordMemberEvents(events);
    }

    @Override
    public List<MemberEvent> memberEvents(long guildId, TimeWindow window) {
        return records.memberEvents(guildId, window);
    }

    @Override
    public void saveAlert(AlertRecord alert) {
        records.saveAlert(alert);
    }

    @Override
    public List<AlertRecord> alerts(long guildId, TimeWindow window) {
        return records.alerts(guildId, window);
    }

    @Override
    public void saveSummary(AiSummary summary) {
        records.saveSummary(summary);
    }

    @Override
    public Optional<AiSummary> summary(long guildId, String periodKey) {
        return records.summary(guildId, periodKey);
    }

    @Override
    public void saveLeaderboard(CachedLeaderboard leaderboard) {
        records.saveLeaderboard(leaderboard);
    }

    @Override
    public Optional<CachedLeaderboard> leaderboard(long guildId, long channelId, Counter counter, Period period) {
        return records.leaderboard(guildId, channelId, counter, period);
    }

    // ---------------------------------------------------------------- opt-outs

    @Override
    public boolean optOut(MemberOptOut optOut) {
        return optOuts.optOut(optOut);
    }

    @Override
    public boolean optIn(long guildId, long memberId) {
        return optOuts.optIn(guildId, memberId);
    }

    @Override
    public Optional<MemberOptOut> optOut(long guildId, long memberId) {
        return optOuts.find(guildId, memberId);
    }

    @Override
    public Set<Long> optedOut(long guildId) {
        return optOuts.ofGuild(guildId);
    }

    @Override
    public List<MemberOptOut> allOptOuts() {
        return optOuts.all();
    }

    // ---------------------------------------------------------------- digest ledger

    @Override
    public DigestRecord claimDigest(long guildId, String periodKey, String owner, Instant now, Duration lease) {
        return digests.claim(guildId, periodKey, owner, now, lease);
    }

    @Override
    public boolean digestPosted(long guildId, String periodKey, String owner, long channelId, long messageId, Instant at) {
        return digests.posted(guildId, periodKey, owner, channelId, messageId, at);
    }

    @Override
    public Optional<DigestRecord> digestRecord(long guildId, String periodKey) {
        return digests.find(guildId, periodKey);
    }

    // ---------------------------------------------------------------- usage counters

    @Override
    public long addUse(long guildId, long memberId, String counter, Instant windowStart, Instant expireAt, long delta) {
        return usage.add(guildId, memberId, counter, windowStart, expireAt, delta);
    }

    // ---------------------------------------------------------------- whole guild

    @Override
    public void exportGuild(long guildId, GuildDataVisitor visitor) {
        guildData.export(guildId, visitor);
    }

    @Override
    public long eraseGuild(long guildId) {
        return guildData.eraseGuild(guildId);
    }

    @Override
    public MemberErasure eraseMember(long guildId, long memberId) {
        return guildData.eraseMember(guildId, memberId);
    }

    @Override
    public long sweepExpired(Instant now) {
        return guildData.sweepExpired(now);
    }

    @Override
    public RetentionPolicy retentionPolicy() {
        return settings.policy();
    }

    @Override
    public RestampStep restampExpiry(long guildId, Retention retention, String resumeAfter, int limit) {
        return guildData.restamp(guildId, retention, resumeAfter, limit);
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public String describe() {
        return db.describe();
    }

    @Override
    public boolean healthy() {
        return db.healthy();
    }

    @Override
    public void close() {
        db.close();
    }
}
