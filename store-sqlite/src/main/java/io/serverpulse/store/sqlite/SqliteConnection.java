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
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The one connection of a {@link SqliteStore} and the one lock it is used under, shared by the
 * store's role classes ({@link SettingsRows}, {@link MetricWriter}, {@link MetricReader},
 * {@link GuildRecords}, {@link GuildData}). Every use goes through {@link #locked}: it takes the
 * lock, refuses a closed store, and turns an SQL failure into a {@link StoreException} saying what
 * failed. The other helpers ({@link #inTransaction}, {@link #update}, {@link #prepare}) are called
 * under that lock only.
 */
final class SqliteConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteConnection.class);

    /** Work with the connection that may fail with an {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    /** Fair, so that a long sweep (many short chunks) cannot starve a flush waiting for the lock. */
    private final ReentrantLock lock = new ReentrantLock(true);
    /** Statements kept open for the life of the connection (closed with it). */
    private final List<PreparedStatement> kept = new ArrayList<>();
    private volatile boolean closed;

    private SqliteConnection(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
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
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            // the auto-vacuum mode of a new file can only be chosen before its first page is written,
            // which switching to WAL does: so it comes first
            FileSpace.prepare(connection, file);
            String journal = pragma(connection, "journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(journal)) {
                LOG.warn("SQLite at {} runs in journal mode {} (WAL unavailable on this file system)", file, journal);
            }
            Migrations.migrate(connection, clock);
            return new SqliteConnection(file, connection);
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

    Path file() {
        return file;
    }

    /** The connection itself, for work under the lock ({@link #locked}). */
    Connection connection() {
        return connection;
    }

    String describe() {
        return "sqlite:" + file;
    }

    /** Runs {@code work} under the lock; an SQL failure becomes a {@link StoreException} saying what failed. */
    <T> T locked(String what, SqlWork<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw StoreException.closed(describe());
            }
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("SQLite could not " + what + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one immediate transaction, rolled back on any failure. Call under the lock. */
    <T> T inTransaction(SqlWork<T> work) throws SQLException {
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

    /** Runs an update with positional parameters; returns the number of rows changed. Call under the lock. */
    int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        }
    }

    /** A statement with its parameters bound, for the caller to run and close. Call under the lock. */
    PreparedStatement prepare(String sql, Object... params) throws SQLException {
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
            LOG.info("Closed SQLite store {}", file);
        } catch (SQLException e) {
            LOG.warn("Closing SQLite store {} failed: {}", file, e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
