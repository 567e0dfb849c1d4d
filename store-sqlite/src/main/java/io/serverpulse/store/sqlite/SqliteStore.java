package io.serverpulse.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.GuildSettingsJson;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.GuildDataVisitor;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The embedded {@link Store}: one SQLite file ({@value #FILE_NAME}) in the data directory, in WAL
 * mode with {@code synchronous=FULL} (a committed batch survives a crash or power cut), a busy
 * timeout for when another connection holds the write lock, and versioned schema migrations
 * applied at open ({@link Migrations}).
 *
 * <p>Idempotent batches: {@link #apply} writes every upsert of a batch and the batch id (into
 * {@code applied_batches}) in one {@code BEGIN IMMEDIATE} transaction, after checking that the id
 * is not there yet. A batch is therefore either applied completely, with its id recorded, or not
 * at all (an interrupted transaction is rolled back); a retry of an applied batch finds its id and
 * writes nothing. Ids are kept for {@link #BATCH_ID_RETENTION} and pruned by {@link #sweepExpired}.
 *
 * <p>Thread-safe: one connection, used under one lock. Every SQL failure (for example
 * {@code SQLITE_BUSY} when another process holds the write lock longer than the busy timeout)
 * rolls back and becomes a {@link StoreException}; nothing was written, and the caller may retry
 * the same batch.
 */
public final class SqliteStore implements Store {

    /** The environment variable naming the data directory. */
    public static final String DATA_DIR_ENV = "SERVERPULSE_DATA_DIR";
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final String FILE_NAME = "serverpulse.db";
    /** How long an applied batch id is remembered, so that a late retry still counts nothing twice. */
    public static final Duration BATCH_ID_RETENTION = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GUILD_TABLES = List.of("guild_settings", "member_events", "alerts", "ai_summaries",
            "leaderboard_cache");

    /**
     * @param busyTimeout how long a write waits for another connection's write lock before failing
     * @param clock times applied batch ids (nothing else: every other time comes from the data)
     */
    public record Options(Duration busyTimeout, Clock clock) {
        public Options {
            Objects.requireNonNull(busyTimeout, "busyTimeout");
            Objects.requireNonNull(clock, "clock");
            if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("busyTimeout out of range: " + busyTimeout);
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), Clock.systemUTC());
        }

        public Options withBusyTimeout(Duration timeout) {
            return new Options(timeout, clock);
        }

        public Options withClock(Clock newClock) {
            return new Options(busyTimeout, newClock);
        }
    }

    private final Path file;
    private final Clock clock;
    private final Connection connection;
    private final EnumMap<BucketKind, PreparedStatement> upserts = new EnumMap<>(BucketKind.class);
    /** Fair, so that a long sweep (many short chunks) cannot starve a flush waiting for the lock. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean closed;
    /** Test hook: the next apply fails (and rolls back) before increment number {@code failNextApplyAt}; -1 = off. */
    private int failNextApplyAt = -1;

    private SqliteStore(Path file, Clock clock, Connection connection) throws SQLException {
        this.file = file;
        this.clock = clock;
        this.connection = connection;
        for (BucketKind kind : BucketKind.values()) {
            upserts.put(kind, connection.prepareStatement(BucketSql.upsert(kind)));
        }
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
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            String journal = pragma(connection, "journal_mode");
            if (!"wal".equalsIgnoreCase(journal)) {
                LOG.warn("SQLite at {} runs in journal mode {} (WAL unavailable on this file system)", file, journal);
            }
            Migrations.migrate(connection, options.clock());
            SqliteStore store = new SqliteStore(file, options.clock(), connection);
            LOG.info("Opened SQLite store {} (schema version {})", file, Migrations.latestVersion());
            return store;
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw new StoreException("cannot open the SQLite store " + file + ": " + e.getMessage(), e);
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getString(1) : "";
        }
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} under the lock; an SQL failure becomes a {@link StoreException} saying what failed. */
    private <T> T locked(String what, SqlWork<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new StoreException("the SQLite store " + file + " is closed");
            }
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("SQLite could not " + what + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one immediate transaction, rolled back on any failure. Call under the lock. */
    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        execute("BEGIN IMMEDIATE");
        try {
            T result = work.run();
            execute("COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    /** Rolls back the open transaction, if any (a ROLLBACK without one only fails, which is ignored). */
    static void rollbackQuietly(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("rollback not needed or failed: {}", e.getMessage());
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** Epoch milliseconds, clamped for the far past and future (windows may be unbounded). */
    private static long millis(Instant at) {
        if (at.isBefore(Instant.ofEpochMilli(Long.MIN_VALUE))) {
            return Long.MIN_VALUE;
        }
        if (at.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE))) {
            return Long.MAX_VALUE;
        }
        return at.toEpochMilli();
    }

    private static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type, String what) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored " + what + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    // ---------------------------------------------------------------- settings

    @Override
    public Optional<GuildSettings> findSettings(long guildId) {
        return locked("read settings of guild " + guildId, () -> storedSettings(guildId));
    }

    private Optional<GuildSettings> storedSettings(long guildId) throws SQLException {
        try (PreparedStatement query = prepare("SELECT json FROM guild_settings WHERE guild_id = ?", guildId);
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.of(parseSettings(guildId, rows.getString(1))) : Optional.empty();
        }
    }

    private static GuildSettings parseSettings(long guildId, String json) {
        try {
            return GuildSettingsJson.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new StoreException("stored settings of guild " + guildId + " are unreadable: " + e.getMessage(), e);
        }
    }

    private Retention retention(long guildId) throws SQLException {
        return storedSettings(guildId).map(GuildSettings::retention).orElse(Retention.DEFAULT);
    }

    @Override
    public void saveSettings(GuildSettings settings) {
        String json = GuildSettingsJson.toJson(settings);
        locked("save settings of guild " + settings.guildId(), () -> update(
                "INSERT INTO guild_settings (guild_id, json, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (guild_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
                settings.guildId(), json, millis(settings.updatedAt())));
    }

    @Override
    public List<GuildSettings> allSettings() {
        return locked("read all settings", () -> {
            List<GuildSettings> all = new ArrayList<>();
            try (PreparedStatement query = prepare("SELECT guild_id, json FROM guild_settings ORDER BY guild_id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(parseSettings(rows.getLong(1), rows.getString(2)));
                }
            }
            return all;
        });
    }

    // ---------------------------------------------------------------- metrics

    @Override
    public void apply(MetricBatch batch) {
        locked("apply metric batch " + batch.batchId(), () -> {
            int failAt = failNextApplyAt;
            failNextApplyAt = -1;
            if (batch.isEmpty() && failAt < 0) {
                return null;
            }
            inTransaction(() -> {
                if (batchApplied(batch.batchId())) {
                    LOG.debug("metric batch {} was already applied; nothing to do", batch.batchId());
                    return null;
                }
                Map<Long, Retention> retentions = new HashMap<>();
                List<Increment> increments = batch.increments();
                for (int i = 0; i < increments.size(); i++) {
                    failIfAsked(failAt, i);
                    Increment increment = increments.get(i);
                    long guildId = increment.key().guildId();
                    Retention retention = retentions.get(guildId);
                    if (retention == null) {
                        retention = retention(guildId);
                        retentions.put(guildId, retention);
                    }
                    upsert(increment, expireAt(increment.key(), retention));
                }
                failIfAsked(failAt, increments.size());
                Instant now = clock.instant();
                update("INSERT INTO applied_batches (batch_id, applied_at, expire_at, increments) VALUES (?, ?, ?, ?)",
                        batch.batchId(), now.toEpochMilli(), now.plus(BATCH_ID_RETENTION).toEpochMilli(), increments.size());
                return null;
            });
            return null;
        });
    }

    private static void failIfAsked(int failAt, int index) {
        if (failAt == index) {
            throw new StoreException("simulated failure before increment " + index + " (test fault hook)");
        }
    }

    /**
     * Test hook: the next {@link #apply} fails after writing {@code increments} increments of its
     * batch (before the batch id and the commit), so its transaction is rolled back.
     */
    void failNextApplyAfter(int increments) {
        lock.lock();
        try {
            failNextApplyAt = increments;
        } finally {
            lock.unlock();
        }
    }

    private boolean batchApplied(String batchId) throws SQLException {
        try (PreparedStatement query = prepare("SELECT 1 FROM applied_batches WHERE batch_id = ?", batchId);
             ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }

    private static Instant expireAt(BucketKey key, Retention retention) {
        Duration keep = key.kind() == BucketKind.MEMBER_HOUR ? BucketKind.MEMBER_HOUR_RETENTION : retention.metrics();
        return key.start().plus(keep);
    }

    private void upsert(Increment increment, Instant expireAt) throws SQLException {
        BucketKey key = increment.key();
        PreparedStatement upsert = upserts.get(key.kind());
        upsert.setLong(1, key.guildId());
        upsert.setLong(2, key.channelId());
        upsert.setLong(3, key.start().toEpochMilli());
        upsert.setLong(4, key.memberId());
        upsert.setString(5, key.emoji());
        upsert.setLong(6, expireAt.toEpochMilli());
        int column = 7;
        for (Counter counter : Counter.values()) {
            upsert.setLong(column++, increment.delta(counter));
        }
        upsert.executeUpdate();
    }

    @Override
    public List<MemberCount> topMembers(LeaderboardQuery query) {
        TimeWindow window = query.window();
        return locked("read a leaderboard of guild " + query.guildId(), () -> {
            List<MemberCount> board = new ArrayList<>();
            try (PreparedStatement statement = prepare(BucketSql.leaderboard(query.period().memberBuckets(), query.counter()),
                    query.guildId(), query.channelId(), millis(window.from()), millis(window.to()), query.limit());
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    board.add(new MemberCount(rows.getLong(1), rows.getLong(2)));
                }
            }
            return board;
        });
    }

    @Override
    public List<BucketRow> buckets(BucketKind kind, long guildId, Long channelId, Long memberId, TimeWindow window) {
        return locked("read " + kind.collection() + " of guild " + guildId, () -> {
            List<Object> params = new ArrayList<>(List.of(guildId, millis(window.from()), millis(window.to())));
            if (channelId != null) {
                params.add(channelId);
            }
            if (memberId != null) {
                params.add(memberId);
            }
            List<BucketRow> result = new ArrayList<>();
            try (PreparedStatement statement = prepare(BucketSql.rows(kind, channelId != null, memberId != null), params.toArray());
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(new BucketRow(BucketSql.key(kind, rows), BucketSql.counters(rows)));
                }
            }
            result.sort(Comparator.comparing((BucketRow row) -> row.key().start())
                    .thenComparing(row -> row.key().id(), SqliteStore::compareCodePoints));
            return result;
        });
    }

    @Override
    public List<KeyCount> totals(BucketKind kind, long guildId, Counter counter, TimeWindow window, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        String sql = BucketSql.totals(kind, counter);
        return locked("read " + kind.collection() + " totals of guild " + guildId, () -> {
            List<KeyCount> totals = new ArrayList<>();
            try (PreparedStatement statement = prepare(sql, guildId, millis(window.from()), millis(window.to()), limit);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    totals.add(new KeyCount(rows.getString(1), rows.getLong(2)));
                }
            }
            return totals;
        });
    }

    // ---------------------------------------------------------------- member events

    @Override
    public void recordMemberEvents(List<MemberEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        locked("record member events", () -> inTransaction(() -> {
            Map<Long, Retention> retentions = new HashMap<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO member_events (guild_id, member_id, kind, at, expire_at) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")) {
                for (MemberEvent event : events) {
                    Retention retention = retentions.get(event.guildId());
                    if (retention == null) {
                        retention = retention(event.guildId());
                        retentions.put(event.guildId(), retention);
                    }
                    insert.setLong(1, event.guildId());
                    insert.setLong(2, event.memberId());
                    insert.setString(3, event.kind().name());
                    insert.setLong(4, event.at().toEpochMilli());
                    insert.setLong(5, event.at().plus(retention.metrics()).toEpochMilli());
                    insert.executeUpdate();
                }
            }
            return null;
        }));
    }

    @Override
    public List<MemberEvent> memberEvents(long guildId, TimeWindow window) {
        return locked("read member events of guild " + guildId, () -> {
            List<MemberEvent> events = new ArrayList<>();
            try (PreparedStatement query = prepare("SELECT guild_id, member_id, kind, at FROM member_events"
                    + " WHERE guild_id = ? AND at >= ? AND at < ?", guildId, millis(window.from()), millis(window.to()));
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(memberEvent(rows));
                }
            }
            events.sort(Comparator.comparing(MemberEvent::at).thenComparing(MemberEvent::id, SqliteStore::compareCodePoints));
            return events;
        });
    }

    private static MemberEvent memberEvent(ResultSet row) throws SQLException {
        return new MemberEvent(row.getLong("guild_id"), row.getLong("member_id"), MemberEvent.Kind.valueOf(row.getString("kind")),
                Instant.ofEpochMilli(row.getLong("at")));
    }

    // ---------------------------------------------------------------- alerts

    @Override
    public void saveAlert(AlertRecord alert) {
        String channels = json(alert.channelIds());
        locked("save alert " + alert.id(), () -> {
            Instant expireAt = alert.startedAt().plus(retention(alert.guildId()).metrics());
            return update("INSERT INTO alerts (guild_id, id, type, severity, started_at, ended_at, channel_ids, observed, baseline,"
                            + " context, expire_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (guild_id, id) DO UPDATE SET type = excluded.type, severity = excluded.severity,"
                            + " started_at = excluded.started_at, ended_at = excluded.ended_at, channel_ids = excluded.channel_ids,"
                            + " observed = excluded.observed, baseline = excluded.baseline, context = excluded.context,"
                            + " expire_at = excluded.expire_at",
                    alert.guildId(), alert.id(), alert.type().name(), alert.severity().name(), millis(alert.startedAt()),
                    alert.endedAt() == null ? null : millis(alert.endedAt()), channels, alert.observed(), alert.baseline(),
                    alert.context(), millis(expireAt));
        });
    }

    @Override
    public List<AlertRecord> alerts(long guildId, TimeWindow window) {
        return locked("read alerts of guild " + guildId, () -> {
            List<AlertRecord> alerts = new ArrayList<>();
            try (PreparedStatement query = prepare("SELECT * FROM alerts WHERE guild_id = ? AND started_at >= ? AND started_at < ?",
                    guildId, millis(window.from()), millis(window.to()));
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    alerts.add(alert(rows));
                }
            }
            alerts.sort(Comparator.comparing(AlertRecord::startedAt).thenComparing(AlertRecord::id, SqliteStore::compareCodePoints));
            return alerts;
        });
    }

    private static AlertRecord alert(ResultSet row) throws SQLException {
        long endedAt = row.getLong("ended_at");
        Instant ended = row.wasNull() ? null : Instant.ofEpochMilli(endedAt);
        List<Long> channels = fromJson(row.getString("channel_ids"), new TypeReference<List<Long>>() { }, "alert channel list");
        return new AlertRecord(row.getString("id"), row.getLong("guild_id"), AlertType.valueOf(row.getString("type")),
                Severity.valueOf(row.getString("severity")), Instant.ofEpochMilli(row.getLong("started_at")), ended, channels,
                row.getLong("observed"), row.getDouble("baseline"), row.getString("context"));
    }

    // ---------------------------------------------------------------- summaries

    @Override
    public void saveSummary(AiSummary summary) {
        locked("save summary " + summary.periodKey(), () -> {
            Instant expireAt = summary.createdAt().plus(retention(summary.guildId()).summaries());
            return update("INSERT INTO ai_summaries (guild_id, period_key, provider, model, text, created_at, expire_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, period_key) DO UPDATE SET"
                            + " provider = excluded.provider, model = excluded.model, text = excluded.text,"
                            + " created_at = excluded.created_at, expire_at = excluded.expire_at",
                    summary.guildId(), summary.periodKey(), summary.provider().name(), summary.model(), summary.text(),
                    millis(summary.createdAt()), millis(expireAt));
        });
    }

    @Override
    public Optional<AiSummary> summary(long guildId, String periodKey) {
        return locked("read summary " + periodKey, () -> {
            try (PreparedStatement query = prepare("SELECT * FROM ai_summaries WHERE guild_id = ? AND period_key = ?", guildId, periodKey);
                 ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(summary(rows)) : Optional.empty();
            }
        });
    }

    private static AiSummary summary(ResultSet row) throws SQLException {
        return new AiSummary(row.getLong("guild_id"), row.getString("period_key"), AiProvider.valueOf(row.getString("provider")),
                row.getString("model"), row.getString("text"), Instant.ofEpochMilli(row.getLong("created_at")));
    }

    // ---------------------------------------------------------------- leaderboard cache

    @Override
    public void saveLeaderboard(CachedLeaderboard leaderboard) {
        List<long[]> entries = leaderboard.entries().stream().map(e -> new long[] {e.memberId(), e.count()}).toList();
        String json = json(entries);
        locked("save leaderboard " + leaderboard.id(), () -> {
            Instant expireAt = leaderboard.computedAt().plus(retention(leaderboard.guildId()).leaderboards());
            return update("INSERT INTO leaderboard_cache (guild_id, channel_id, counter, period, computed_at, entries, expire_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, channel_id, counter, period) DO UPDATE SET"
                            + " computed_at = excluded.computed_at, entries = excluded.entries, expire_at = excluded.expire_at",
                    leaderboard.guildId(), leaderboard.channelId(), leaderboard.counter().field(), leaderboard.period().label(),
                    millis(leaderboard.computedAt()), json, millis(expireAt));
        });
    }

    @Override
    public Optional<CachedLeaderboard> leaderboard(long guildId, long channelId, Counter counter, Period period) {
        return locked("read cached leaderboard", () -> {
            try (PreparedStatement query = prepare("SELECT * FROM leaderboard_cache WHERE guild_id = ? AND channel_id = ?"
                    + " AND counter = ? AND period = ?", guildId, channelId, counter.field(), period.label());
                 ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(leaderboard(rows)) : Optional.empty();
            }
        });
    }

    private static CachedLeaderboard leaderboard(ResultSet row) throws SQLException {
        List<long[]> entries = fromJson(row.getString("entries"), new TypeReference<List<long[]>>() { }, "leaderboard");
        String periodLabel = row.getString("period");
        Period period = Period.fromLabel(periodLabel)
                .orElseThrow(() -> new StoreException("stored leaderboard has an unknown period: " + periodLabel));
        return new CachedLeaderboard(row.getLong("guild_id"), row.getLong("channel_id"), Counter.fromField(row.getString("counter")),
                period, Instant.ofEpochMilli(row.getLong("computed_at")),
                entries.stream().map(e -> new MemberCount(e[0], e[1])).toList());
    }

    /** Deletes the guild's cached leaderboards whose entries list the member (inside the caller's transaction). */
    private long eraseCachedLeaderboardsListing(long guildId, long memberId) throws SQLException {
        List<Long> listing = new ArrayList<>();
        try (PreparedStatement query = prepare("SELECT rowid, * FROM leaderboard_cache WHERE guild_id = ?", guildId);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (leaderboard(rows).entries().stream().anyMatch(e -> e.memberId() == memberId)) {
                    listing.add(rows.getLong("rowid"));
                }
            }
        }
        long count = 0;
        for (long rowid : listing) {
            count += update("DELETE FROM leaderboard_cache WHERE rowid = ?", rowid);
        }
        return count;
    }

    // ---------------------------------------------------------------- whole guild

    @Override
    public void exportGuild(long guildId, GuildDataVisitor visitor) {
        locked("export guild " + guildId, () -> {
            storedSettings(guildId).ifPresent(visitor::settings);
            for (BucketKind kind : BucketKind.values()) {
                try (PreparedStatement query = prepare(BucketSql.guildRows(kind), guildId); ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        visitor.bucket(new BucketRow(BucketSql.key(kind, rows), BucketSql.counters(rows)));
                    }
                }
            }
            try (PreparedStatement query = prepare("SELECT * FROM member_events WHERE guild_id = ? ORDER BY at, member_id, kind", guildId);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visitor.memberEvent(memberEvent(rows));
                }
            }
            try (PreparedStatement query = prepare("SELECT * FROM alerts WHERE guild_id = ? ORDER BY started_at, id", guildId);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visitor.alert(alert(rows));
                }
            }
            try (PreparedStatement query = prepare("SELECT * FROM ai_summaries WHERE guild_id = ? ORDER BY period_key", guildId);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visitor.summary(summary(rows));
                }
            }
            try (PreparedStatement query = prepare("SELECT * FROM leaderboard_cache WHERE guild_id = ?"
                    + " ORDER BY channel_id, counter, period", guildId);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visitor.leaderboard(leaderboard(rows));
                }
            }
            return null;
        });
    }

    @Override
    public long eraseGuild(long guildId) {
        long deleted = locked("erase guild " + guildId, () -> inTransaction(() -> {
            long count = 0;
            for (BucketKind kind : BucketKind.values()) {
                count += update("DELETE FROM " + kind.collection() + " WHERE guild_id = ?", guildId);
            }
            for (String table : GUILD_TABLES) {
                count += update("DELETE FROM " + table + " WHERE guild_id = ?", guildId);
            }
            return count;
        }));
        LOG.info("Erased guild {}: {} rows", guildId, deleted);
        return deleted;
    }

    @Override
    public long eraseMember(long guildId, long memberId) {
        return locked("erase a member of guild " + guildId, () -> inTransaction(() -> {
            long count = 0;
            for (BucketKind kind : List.of(BucketKind.MEMBER_HOUR, BucketKind.MEMBER_DAY)) {
                count += update(BucketSql.eraseMember(kind), guildId, memberId);
            }
            count += update("DELETE FROM member_events WHERE guild_id = ? AND member_id = ?", guildId, memberId);
            count += eraseCachedLeaderboardsListing(guildId, memberId);
            return count;
        }));
    }

    /**
     * Deletes expired rows in chunks of {@value #SWEEP_CHUNK}, each in its own short transaction,
     * releasing the lock between chunks: a first sweep after a long outage can delete millions of
     * rows, and flushes and reads must not wait for all of them.
     */
    @Override
    public long sweepExpired(Instant now) {
        long cutoff = millis(now);
        long deleted = 0;
        for (BucketKind kind : BucketKind.values()) {
            deleted += sweep(kind.collection(), BUCKET_KEY, cutoff);
        }
        deleted += sweep("member_events", "guild_id, member_id, kind, at", cutoff);
        deleted += sweep("alerts", "rowid", cutoff);
        deleted += sweep("ai_summaries", "rowid", cutoff);
        deleted += sweep("leaderboard_cache", "rowid", cutoff);
        // remembered batch ids are bookkeeping, not guild data: pruned, not counted
        sweep("applied_batches", "batch_id", cutoff);
        LOG.debug("Swept {} expired rows at {}", deleted, now);
        return deleted;
    }

    static final int SWEEP_CHUNK = 5_000;
    static final String BUCKET_KEY = "guild_id, channel_id, start, member_id, emoji";

    /** Deletes at most {@link #SWEEP_CHUNK} expired rows of {@code table}, found through its expire_at index by their {@code key}. */
    static String sweepChunk(String table, String key) {
        String keyTuple = key.contains(",") ? "(" + key + ")" : key;
        return "DELETE FROM " + table + " WHERE " + keyTuple + " IN (SELECT " + key + " FROM " + table
                + " WHERE expire_at <= ? LIMIT " + SWEEP_CHUNK + ")";
    }

    private long sweep(String table, String key, long cutoff) {
        String sql = sweepChunk(table, key);
        long total = 0;
        int chunk;
        do {
            chunk = locked("sweep expired rows of " + table, () -> inTransaction(() -> update(sql, cutoff)));
            total += chunk;
        } while (chunk == SWEEP_CHUNK);
        return total;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public String describe() {
        return "sqlite:" + file;
    }

    @Override
    public boolean healthy() {
        if (closed) {
            return false;
        }
        try {
            return locked("check health", () -> {
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
                    return rows.next();
                }
            });
        } catch (StoreException e) {
            LOG.warn("SQLite store {} is not healthy: {}", file, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (PreparedStatement upsert : upserts.values()) {
                upsert.close();
            }
            connection.close();
            LOG.info("Closed SQLite store {}", file);
        } catch (SQLException e) {
            LOG.warn("Closing SQLite store {} failed: {}", file, e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
