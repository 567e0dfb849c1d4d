package io.serverpulse.collector.bench;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/**
 * The baseline of the ingestion benchmark: the SQLite metric write path as it was before issue 16
 * (commit c45f08f's {@code SqliteStore.apply}), restated here so that the old and the new run side
 * by side in one JVM. Same schema (the store's migration 1), same pragmas (WAL, {@code synchronous=FULL},
 * default page cache), one connection under one fair lock, and per batch one {@code BEGIN IMMEDIATE}
 * transaction: the applied-batch check, then one {@code executeUpdate} of the all-counter upsert per
 * increment in the batch's own (insertion) order, with the retention read once per guild, then the
 * batch id. Only {@link #apply} is implemented.
 */
final class BaselineSqliteWriter implements MetricsStore, AutoCloseable {

    private static final String KEY = "guild_id, channel_id, start, member_id, emoji";
    /** The counter columns of schema version 1. */
    private static final List<Counter> V1_COUNTERS = List.of(Counter.MESSAGES, Counter.REACTIONS, Counter.DELETIONS,
            Counter.JOINS, Counter.LEAVES, Counter.VOICE_JOINS, Counter.VOICE_SECONDS, Counter.SENTIMENT_POSITIVE,
            Counter.SENTIMENT_NEUTRAL, Counter.SENTIMENT_NEGATIVE);
    private static final String COUNTERS = V1_COUNTERS.stream().map(Counter::field).collect(Collectors.joining(", "));

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final EnumMap<BucketKind, PreparedStatement> upserts = new EnumMap<>(BucketKind.class);

    BaselineSqliteWriter(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5_000);
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                for (String sql : schemaVersion1()) {
                    statement.executeUpdate(sql);
                }
            }
            for (BucketKind kind : BucketKind.values()) {
                upserts.put(kind, connection.prepareStatement(upsert(kind)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the baseline writer: " + e.getMessage(), e);
        }
    }

    /** The statements of the store's first migration, as the store applied them before issue 16. */
    private static List<String> schemaVersion1() {
        try (InputStream in = BaselineSqliteWriter.class.getResourceAsStream(
                "/io/serverpulse/store/sqlite/migrations/V1__initial_schema.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String withoutComments = script.lines().filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            return Arrays.stream(withoutComments.split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String upsert(BucketKind kind) {
        String placeholders = "?, ".repeat(6 + V1_COUNTERS.size());
        String additions = V1_COUNTERS.stream()
                .map(c -> c.field() + " = " + c.field() + " + excluded." + c.field())
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + kind.collection() + " (" + KEY + ", expire_at, " + COUNTERS + ") VALUES ("
                + placeholders.substring(0, placeholders.length() - 2) + ") ON CONFLICT (" + KEY + ") DO UPDATE SET "
                + additions + ", expire_at = excluded.expire_at";
    }

    @Override
    public void apply(MetricBatch batch) {
        lock.lock();
        try {
            if (batch.isEmpty()) {
                return;
            }
            execute("BEGIN IMMEDIATE");
            try {
                try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM applied_batches WHERE batch_id = ?")) {
                    query.setString(1, batch.batchId());
                    try (ResultSet rows = query.executeQuery()) {
                        if (rows.next()) {
                            execute("ROLLBACK");
                            return;
                        }
                    }
                }
                Set<Long> retentionRead = new HashSet<>();
                for (Increment increment : batch.increments()) {
                    if (retentionRead.add(increment.key().guildId())) {
                        readRetention(increment.key().guildId());
                    }
                    upsert(increment);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO applied_batches (batch_id, applied_at, expire_at, increments) VALUES (?, ?, ?, ?)")) {
                    Instant now = Instant.now();
                    insert.setString(1, batch.batchId());
                    insert.setLong(2, now.toEpochMilli());
                    insert.setLong(3, now.plus(Duration.ofDays(7)).toEpochMilli());
                    insert.setInt(4, batch.size());
                    insert.executeUpdate();
                }
                execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("baseline could not apply " + batch.batchId() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void readRetention(long guildId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT json FROM guild_settings WHERE guild_id = ?")) {
            query.setLong(1, guildId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
            }
        }
    }

    private void upsert(Increment increment) throws SQLException {
        BucketKey key = increment.key();
        Duration keep = key.kind() == BucketKind.MEMBER_HOUR ? BucketKind.MEMBER_HOUR_RETENTION : Duration.ofDays(90);
        PreparedStatement upsert = upserts.get(key.kind());
        upsert.setLong(1, key.guildId());
        upsert.setLong(2, key.channelId());
        upsert.setLong(3, key.start().toEpochMilli());
        upsert.setLong(4, key.memberId());
        upsert.setString(5, key.emoji());
        upsert.setLong(6, key.start().plus(keep).toEpochMilli());
        int column = 7;
        for (Counter counter : V1_COUNTERS) {
            upsert.setLong(column++, increment.delta(counter));
        }
        upsert.executeUpdate();
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    @Override
    public List<MemberCount> topMembers(LeaderboardQuery query) {
        throw new UnsupportedOperationException("the baseline only writes");
    }

    @Override
    public List<BucketRow> buckets(BucketKind kind, long guildId, Long channelId, Long memberId, TimeWindow window) {
        throw new UnsupportedOperationException("the baseline only writes");
    }

    @Override
    public List<KeyCount> totals(BucketKind kind, long guildId, Counter counter, TimeWindow window, int limit) {
        throw new UnsupportedOperationException("the baseline only writes");
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement statement : upserts.values()) {
                statement.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the baseline writer: " + e.getMessage(), e);
        }
    }
}
