package io.serverpulse.store.sqlite;

import io.serverpulse.common.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The connections of a {@link SqliteStore}, shared by the store's role classes
 * ({@link SettingsRows}, {@link MetricWriter}, {@link MetricReader}, {@link GuildRecords},
 * {@link GuildData}): one <em>writer</em> used under one fair lock ({@link #locked}), and, in WAL
 * mode, {@value #READERS} <em>readers</em> ({@code query_only}) that reads borrow ({@link #read}).
 * In WAL mode a reader sees the last committed state and never waits for the writer, so a
 * leaderboard or a settings read is answered while a bulk metric write holds the writer.
 *
 * <p>Both refuse a closed store and turn an SQL failure into a {@link StoreException} saying what
 * failed. The other helpers ({@link #inTransaction}, {@link #update}, {@link #prepare}) work on the
 * connection the calling thread holds through one of them.
 */
final class SqliteConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteConnection.class);

    /** Work with the connection that may fail with an {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Read connections in WAL mode (two cores: more would only queue on the CPU). */
    static final int READERS = 2;

    private final Path file;
    private final Connection connection;
    /** Idle readers; empty (and {@link #read} uses the writer) when the file is not in WAL mode. */
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders;
    /** The connection the current thread uses inside {@link #locked} or {@link #read}. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    /** Fair, so that a long sweep (many short chunks) cannot starve a flush waiting for the lock. */
    private final ReentrantLock lock = new ReentrantLock(true);
    /** Statements kept open for the life of the connection (closed with it). */
    private final List<PreparedStatement> kept = new ArrayList<>();
    private volatile boolean closed;

    private SqliteConnection(Path file, Connection connection, List<Connection> readers) {
        this.file = file;
        this.connection = connection;
        this.allReaders = List.copyOf(readers);
        this.readers = new ArrayBlockingQueue<>(Math.max(1, readers.size()), true, readers);
    }

    /**
     * Opens (creating it if needed) {@code file}, whose directory exists, in WAL mode with
     * {@code synchronous=FULL} and the busy timeout, in incremental auto-vacuum mode
     * ({@link FileSpace#prepare}), and migrates its schema.
     */
    static SqliteConnection open(Path file, Duration busyTimeout, Clock clock) {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) busyTimeout.toMillis());
        Connection connection = null;
        List<Connection> readers = new ArrayList<>();
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            // the auto-vacuum mode of a new file can only be chosen before its first page is written,
            // which switching to WAL does: so it comes first
            FileSpace.prepare(connection, file);
            String journal = pragma(connection, "journal_mode = WAL");
            Migrations.migrate(connection, clock);
            if ("wal".equalsIgnoreCase(journal)) {
                for (int i = 0; i < READERS; i++) {
                    Connection reader = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                    readers.add(reader);
                    try (Statement statement = reader.createStatement()) {
                        statement.execute("PRAGMA query_only = ON");
                    }
                }
            } else {
                LOG.warn("SQLite at {} runs in journal mode {} (WAL unavailable on this file system); reads share the writer",
                        file, journal);
            }
            return new SqliteConnection(file, connection, readers);
        } catch (SQLException | RuntimeException e) {
            readers.forEach(reader -> closeQuietly(reader, e));
            if (connection != null) {
                closeQuietly(connection, e);
            }
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw new StoreException("cannot open the SQLite store " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getString(1) : "";
        }
    }

    Path file() {
        return file;
    }

    String describe() {
        return "sqlite:" + file;
    }

    /** Runs {@code work} with the writer, under the lock; an SQL failure becomes a {@link StoreException} saying what failed. */
    <T> T locked(String what, SqlWork<T> work) {
        lock.lock();
        Connection outer = current.get();
        try {
            if (closed) {
                throw StoreException.closed(describe());
            }
            current.set(connection);
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("SQLite could not " + what + ": " + e.getMessage(), e);
        } finally {
            restore(outer);
            lock.unlock();
        }
    }

    /**
     * Runs read-only {@code work} on a reader (the writer under its lock when the file is not in WAL
     * mode, or when called inside {@link #locked}); an SQL failure becomes a {@link StoreException}.
     */
    <T> T read(String what, SqlWork<T> work) {
        if (allReaders.isEmpty() || current.get() != null) {
            return locked(what, work);
        }
        if (closed) {
            throw StoreException.closed(describe());
        }
        Connection reader;
        try {
            reader = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to " + what, e);
        }
        try {
            if (closed) {
                throw StoreException.closed(describe());
            }
            current.set(reader);
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("SQLite could not " + what + ": " + e.getMessage(), e);
        } finally {
            current.remove();
            readers.add(reader);
        }
    }

    /**
     * Runs {@code work} in one read transaction, so that every query sees the same committed state
     * (an export across tables). Call inside {@link #read}.
     */
    <T> T inReadTransaction(SqlWork<T> work) throws SQLException {
        return transaction("BEGIN", work);
    }

    private void restore(Connection outer) {
        if (outer == null) {
            current.remove();
        } else {
            current.set(outer);
        }
    }

    /** The connection the calling thread holds through {@link #locked} (the writer) or {@link #read}. */
    Connection connection() {
        Connection held = current.get();
        if (held == null) {
            throw new IllegalStateException("no SQLite connection held: call inside locked(...) or read(...)");
        }
        return held;
    }

    /** Runs {@code work} in one immediate transaction, rolled back on any failure. Call under the lock. */
    <T> T inTransaction(SqlWork<T> work) throws SQLException {
        return transaction("BEGIN IMMEDIATE", work);
    }

    private <T> T transaction(String begin, SqlWork<T> work) throws SQLException {
        Connection connection = connection();
        execute(begin);
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
        try (Statement statement = connection().createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** Runs an update with positional parameters; returns the number of rows changed. Call under the lock. */
    int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        }
    }

    /** A statement with its parameters bound, for the caller to run and close. Call under the lock. */
    PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection().prepareStatement(sql);
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

    /** A statement prepared once and kept for the life of the connection; {@link #close()} closes it. */
    PreparedStatement keep(String sql) throws SQLException {
        lock.lock();
        try {
            PreparedStatement statement = connection.prepareStatement(sql);
            kept.add(statement);
            return statement;
        } finally {
            lock.unlock();
        }
    }

    /** Closes each reader once it is back from a read in progress (a connection is never closed under a query). */
    private void closeReaders() throws SQLException {
        for (int i = 0; i < allReaders.size(); i++) {
            Connection reader;
            try {
                reader = readers.poll(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reader = null;
            }
            if (reader == null) {
                LOG.warn("A read of SQLite store {} did not finish; its connection is left open", file);
                return;
            }
            reader.close();
        }
    }

    boolean healthy() {
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

    /** Closes the kept statements and the connection, once; later uses fail as {@link StoreException#closed}. */
    void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (PreparedStatement statement : kept) {
                statement.close();
            }
            connection.close();
            closeReaders();
            LOG.info("Closed SQLite store {}", file);
        } catch (SQLException e) {
            LOG.warn("Closing SQLite store {} failed: {}", file, e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
