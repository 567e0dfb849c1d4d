package io.serverpulse.store.sqlite;

import io.serverpulse.common.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations. Each {@link Migration} is a script under
 * {@code io/serverpulse/store/sqlite/migrations/}; {@code schema_version} records the versions
 * applied. At open, every missing version is applied in order, each in its own immediate
 * transaction together with its {@code schema_version} row, so a second process opening the same
 * file at the same time waits and then finds the version done. A database written by a newer
 * ServerPulse (a version this code does not know) is refused rather than guessed at.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String FOLDER = "/io/serverpulse/store/sqlite/migrations/";

    record Migration(int version, String script, String description) {
    }

    /** Every migration, oldest first. Add new ones at the end; never change an applied one. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "V1__initial_schema.sql", "initial schema"),
            new Migration(2, "V2__settings_version.sql", "a version per guild's settings"),
            new Migration(3, "V3__ai_summary_hash_and_tokens.sql", "AI summaries: input hash and token counts"),
            new Migration(4, "V4__digests.sql", "the digest ledger"),
            new Migration(5, "V5__member_opt_outs.sql", "members' opt-outs"),
            new Migration(6, "V6__usage_counters.sql", "usage counters (the /askpulse limits)"),
            new Migration(7, "V7__dropped_events.sql", "events the collector could not count, per guild and hour"),
            new Migration(8, "V8__cached_leaderboard_total.sql", "the total a cached leaderboard's shares are of"));

    private Migrations() {
    }

    static int latestVersion() {
        return ALL.get(ALL.size() - 1).version();
    }

    /** Brings the schema up to {@link #latestVersion()}; returns how many migrations were applied now. */
    static int migrate(Connection connection, Clock clock) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        }
        int found = currentVersion(connection);
        if (found > latestVersion()) {
            throw new StoreException("the SQLite database has schema version " + found
                    + ", newer than this ServerPulse knows (" + latestVersion() + "); upgrade ServerPulse to open it");
        }
        int applied = 0;
        for (Migration migration : ALL) {
            if (applyIfMissing(connection, migration, clock)) {
                applied++;
            }
        }
        return applied;
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static boolean applyIfMissing(Connection connection, Migration migration, Clock clock) throws SQLException {
        List<String> statements = statements(migration.script());
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("BEGIN IMMEDIATE");
            try {
                if (isApplied(connection, migration.version())) {
                    statement.executeUpdate("ROLLBACK");
                    return false;
                }
                for (String sql : statements) {
                    statement.executeUpdate(sql);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.description());
                    insert.setLong(3, clock.millis());
                    insert.executeUpdate();
                }
                statement.executeUpdate("COMMIT");
            } catch (SQLException | RuntimeException e) {
                SqliteConnection.rollbackQuietly(connection);
                throw e;
            }
        }
        LOG.info("SQLite schema migrated to version {} ({})", migration.version(), migration.description());
        return true;
    }

    private static boolean isApplied(Connection connection, int version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM schema_version WHERE version = ?")) {
            query.setInt(1, version);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * The statements of a script: whole-line {@code --} comments dropped, a statement ends with a
     * line that ends with {@code ;}.
     */
    static List<String> statements(String script) {
        String text;
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the classpath: " + FOLDER + script);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("migration script unreadable: " + script, e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration " + script + " ends inside a statement (missing ';')");
        }
        return statements;
    }
}
