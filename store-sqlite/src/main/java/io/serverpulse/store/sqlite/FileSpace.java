package io.serverpulse.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the database file from growing without bound. SQLite reuses the pages that deleted rows
 * free, so a file whose rows expire at the rate new ones arrive levels off by itself; in
 * {@code auto_vacuum=INCREMENTAL} mode the free pages can also be handed back to the file system
 * ({@code PRAGMA incremental_vacuum}), which the retention sweep does in small steps
 * ({@link #reclaimStep}), and the write-ahead log is truncated after a checkpoint.
 *
 * <p>A new file gets that mode at once. A file created by an older ServerPulse (mode NONE) can only
 * change mode by being rewritten by one {@code VACUUM}, which needs free disk space about the size
 * of the file and blocks the store while it runs: it is done once, at open, before anything else
 * uses the file, and logged. If it fails (a full disk, another process holding the file), the file
 * keeps mode NONE and still reuses its free pages; the conversion is tried again at the next open.
 */
final class FileSpace {

    private static final Logger LOG = LoggerFactory.getLogger(FileSpace.class);
    private static final int INCREMENTAL = 2;
    /** The write-ahead log is truncated to this size after a checkpoint (it grows back as needed). */
    static final long JOURNAL_SIZE_LIMIT = 16L * 1024 * 1024;
    /** Free pages handed back to the file system per step (4 MiB at SQLite's default 4 KiB pages). */
    static final int RECLAIM_PAGES = 1024;

    private FileSpace() {
    }

    /** Called at open, before the schema migrations: puts the file in incremental auto-vacuum mode. */
    static void prepare(Connection connection, Path file) throws SQLException {
        execute(connection, "PRAGMA journal_size_limit = " + JOURNAL_SIZE_LIMIT);
        if (incremental(connection)) {
            return;
        }
        boolean empty;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
            empty = rows.next() && rows.getLong(1) == 0;
        }
        execute(connection, "PRAGMA auto_vacuum = INCREMENTAL");
        if (empty) {
            return;
        }
        long megabytes = (longPragma(connection, "page_count") * longPragma(connection, "page_size") + (1 << 20) - 1) >> 20;
        LOG.info("One-off: rewriting {} ({} MB) with VACUUM so that space freed by the retention sweep can go back to the"
                + " file system (needs about {} MB of free disk space)", file, megabytes, megabytes);
        try {
            execute(connection, "VACUUM");
            LOG.info("{} now runs in incremental auto-vacuum mode", file);
        } catch (SQLException e) {
            LOG.warn("VACUUM of {} failed ({}): the file keeps its size and reuses its free pages; the conversion is tried"
                    + " again at the next start", file, e.getMessage());
        }
    }

    /** Pages no row uses. */
    static long freePages(Connection connection) throws SQLException {
        return longPragma(connection, "freelist_count");
    }

    /**
     * Hands at most {@link #RECLAIM_PAGES} free pages back to the file system (a no-op unless the
     * file is in incremental mode); returns how many pages are still free.
     */
    static long reclaimStep(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // each step of this pragma frees one page: read it to the end
            if (statement.execute("PRAGMA incremental_vacuum(" + RECLAIM_PAGES + ")")) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        // nothing to read
                    }
                }
            }
        }
        return freePages(connection);
    }

    /** Checkpoints the write-ahead log into the file and truncates it. */
    static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            while (rows.next()) {
                // busy, log frames, checkpointed frames: nothing to act on
            }
        }
    }

    private static boolean incremental(Connection connection) throws SQLException {
        return longPragma(connection, "auto_vacuum") == INCREMENTAL;
    }

    private static long longPragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
