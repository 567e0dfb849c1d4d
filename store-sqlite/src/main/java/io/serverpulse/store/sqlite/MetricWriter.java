package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.settings.Retention;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies metric batches idempotently and fast.
 *
 * <h2>Idempotence</h2>
 * A batch is written in chunks of at most {@value #CHUNK} increments, each in one
 * {@code BEGIN IMMEDIATE} transaction together with the chunk's id in {@code applied_batches}
 * (the batch id, or {@code <batch id>#<n>/<chunks>} when there are several), after checking that
 * the id is not there yet. The chunks of a batch are the same on every attempt (the increments in
 * key order, cut every {@value #CHUNK}), so a retry after a failure skips the chunks already
 * committed and writes the others: every increment counts exactly once. Ids are kept for
 * {@link SqliteStore#BATCH_ID_RETENTION} and pruned by the sweep ({@link GuildData}).
 *
 * <h2>Speed (measured: BENCHMARKS.md)</h2>
 * <ul>
 *   <li>Increments are written in primary-key order (kind, guild, channel, start, member, emoji):
 *       consecutive upserts touch the same B-tree pages, which stay in SQLite's page cache, instead
 *       of one random page per row; this alone made large batches about three times faster.</li>
 *   <li>One prepared statement per table and set of counters the batch carries (member buckets only
 *       ever carry messages and reactions), kept for the connection's life, bound only with those
 *       counters, and run through JDBC batches of {@value #JDBC_BATCH} rows.</li>
 *   <li>Chunks keep the writer's lock (and SQLite's write lock) for a fraction of a second at a
 *       time, so a settings change or an alert record never waits for a whole bulk write; reads use
 *       their own connections and never wait for it at all ({@link SqliteConnection#read}).</li>
 * </ul>
 */
final class MetricWriter {

    /** Increments per transaction. */
    static final int CHUNK = 20_000;
    /** Rows per JDBC batch (one native loop per batch). */
    static final int JDBC_BATCH = 1_000;
    /** Statements kept per table and set of counters at most; others are prepared per chunk. */
    private static final int MAX_KEPT_STATEMENTS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(MetricWriter.class);

    /**
     * Primary-key order of the bucket tables, table by table: kind, guild, channel, start, member,
     * emoji (written out: a chain of {@code thenComparing} lambdas cost as much as a fifth of a write).
     */
    static final Comparator<Increment> KEY_ORDER = (a, b) -> {
        BucketKey x = a.key();
        BucketKey y = b.key();
        int c = Integer.compare(x.kind().ordinal(), y.kind().ordinal());
        if (c == 0) {
            c = Long.compare(x.guildId(), y.guildId());
        }
        if (c == 0) {
            c = Long.compare(x.channelId(), y.channelId());
        }
        if (c == 0) {
            c = x.start().compareTo(y.start());
        }
        if (c == 0) {
            c = Long.compare(x.memberId(), y.memberId());
        }
        return c != 0 ? c : x.emoji().compareTo(y.emoji());
    };

    private final SqliteConnection db;
    private final SettingsRows settings;
    private final Clock clock;
    private final ApplyFaultHook faultHook;
    /** Guarded by the connection's lock. */
    private final Map<String, PreparedStatement> upserts = new HashMap<>();

    /**
     * @param clock times applied batch ids (nothing else: every other time comes from the data)
     * @param faultHook called before each write of a batch ({@link ApplyFaultHook#NONE} in production)
     */
    MetricWriter(SqliteConnection db, SettingsRows settings, Clock clock, ApplyFaultHook faultHook) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.faultHook = faultHook;
    }

    void apply(MetricBatch batch) {
        if (batch.isEmpty()) {
            db.locked("apply metric batch " + batch.batchId(), () -> null);
            return;
        }
        List<Increment> ordered = new ArrayList<>(batch.increments());
        ordered.sort(KEY_ORDER);
        Map<BucketKind, Set<Counter>> counters = countersByKind(ordered);
        Map<Long, Retention> retentions = new HashMap<>();
        int chunks = (ordered.size() + CHUNK - 1) / CHUNK;
        for (int chunk = 0; chunk < chunks; chunk++) {
            String id = chunks == 1 ? batch.batchId() : batch.batchId() + "#" + (chunk + 1) + "/" + chunks;
            int from = chunk * CHUNK;
            int to = Math.min(ordered.size(), from + CHUNK);
            boolean last = chunk == chunks - 1;
            db.locked("apply metric batch " + id, () -> db.inTransaction(() -> {
                if (applied(id)) {
                    LOG.debug("metric batch {} was already applied; nothing to do", id);
                    return null;
                }
                write(batch, ordered, from, to, counters, retentions);
                if (last) {
                    faultHook.beforeWrite(batch, ordered.size());
                }
                Instant now = clock.instant();
                db.update("INSERT INTO applied_batches (batch_id, applied_at, expire_at, increments) VALUES (?, ?, ?, ?)",
                        id, now.toEpochMilli(), now.plus(SqliteStore.BATCH_ID_RETENTION).toEpochMilli(), to - from);
                return null;
            }));
        }
    }

    private static Map<BucketKind, Set<Counter>> countersByKind(List<Increment> increments) {
        Map<BucketKind, Set<Counter>> counters = new EnumMap<>(BucketKind.class);
        for (Increment increment : increments) {
            counters.computeIfAbsent(increment.key().kind(), k -> EnumSet.noneOf(Counter.class)).addAll(increment.deltas().keySet());
        }
        return counters;
    }

    /** Upserts {@code ordered[from, to)}, one JDBC batch per table and {@value #JDBC_BATCH} rows. Call in the chunk's transaction. */
    private void write(MetricBatch batch, List<Increment> ordered, int from, int to, Map<BucketKind, Set<Counter>> counters,
                       Map<Long, Retention> retentions) throws SQLException {
        PreparedStatement statement = null;
        boolean kept = false;
        BucketKind kind = null;
        List<Counter> bound = List.of();
        int rows = 0;
        try {
            for (int i = from; i < to; i++) {
                faultHook.beforeWrite(batch, i);
                Increment increment = ordered.get(i);
                BucketKey key = increment.key();
                if (key.kind() != kind) {
                    if (statement != null) {
                        statement.executeBatch();
                        release(statement, kept);
                    }
                    kind = key.kind();
                    Set<Counter> used = counters.get(kind);
                    bound = List.copyOf(used);
                    String sql = BucketSql.upsert(kind, used);
                    statement = upserts.get(sql);
                    kept = statement != null || upserts.size() < MAX_KEPT_STATEMENTS;
                    if (statement == null) {
                        statement = kept ? db.keep(sql) : db.prepare(sql);
                        if (kept) {
                            upserts.put(sql, statement);
                        }
                    }
                    rows = 0;
                }
                Retention retention = retentions.get(key.guildId());
                if (retention == null) {
                    retention = settings.retention(key.guildId());
                    retentions.put(key.guildId(), retention);
                }
                bind(statement, increment, bound, settings.policy().expireAt(key, retention));
                statement.addBatch();
                if (++rows == JDBC_BATCH) {
                    statement.executeBatch();
                    rows = 0;
                }
            }
            if (statement != null) {
                statement.executeBatch();
                release(statement, kept);
                statement = null;
            }
        } finally {
            if (statement != null) {
                // a failure part-way: what was added but not run must not leak into the next chunk
                statement.clearBatch();
                release(statement, kept);
            }
        }
    }

    private static void release(PreparedStatement statement, boolean kept) throws SQLException {
        if (!kept) {
            statement.close();
        }
    }

    private static void bind(PreparedStatement upsert, Increment increment, List<Counter> counters, Instant expireAt)
            throws SQLException {
        BucketKey key = increment.key();
        upsert.setLong(1, key.guildId());
        upsert.setLong(2, key.channelId());
        upsert.setLong(3, key.start().toEpochMilli());
        upsert.setLong(4, key.memberId());
        upsert.setString(5, key.emoji());
        upsert.setLong(6, expireAt.toEpochMilli());
        int column = 7;
        for (Counter counter : counters) {
            upsert.setLong(column++, increment.delta(counter));
        }
    }

    private boolean applied(String batchId) throws SQLException {
        try (PreparedStatement query = db.prepare("SELECT 1 FROM applied_batches WHERE batch_id = ?", batchId);
             ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }
}
