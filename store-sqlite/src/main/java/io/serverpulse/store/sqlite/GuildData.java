package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.store.GuildDataVisitor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whole-guild operations: export (streamed row by row), erasure of a guild or a member, and the retention sweep. */
final class GuildData {

    private static final Logger LOG = LoggerFactory.getLogger(GuildData.class);
    private static final List<String> GUILD_TABLES = List.of("guild_settings", "member_events", "alerts", "ai_summaries",
            "leaderboard_cache", "digests");

    /** How many expired rows one sweep transaction deletes at most. */
    static final int SWEEP_CHUNK = 5_000;
    /** The primary key of the bucket tables. */
    static final String BUCKET_KEY = "guild_id, channel_id, start, member_id, emoji";

    private final SqliteConnection db;
    private final SettingsRows settings;

    GuildData(SqliteConnection db, SettingsRows settings) {
        this.db = db;
        this.settings = settings;
    }

    void export(long guildId, GuildDataVisitor visitor) {
        // one read transaction: every table as of one committed state, without holding up writes
        db.read("export guild " + guildId, () -> db.inReadTransaction(() -> {
            settings.stored(guildId).ifPresent(visitor::settings);
            for (BucketKind kind : BucketKind.values()) {
                try (PreparedStatement query = db.prepare(BucketSql.guildRows(kind), guildId); ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        visitor.bucket(new BucketRow(BucketSql.key(kind, rows), BucketSql.counters(rows)));
                    }
                }
            }
            try (PreparedStatement query = db.prepare("SELECT * FROM member_events WHERE guild_id = ? ORDER BY at, member_id, kind",
                    guildId);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visitor.memberEvent(RecordRows.memberEvent(rows));
                }
            }
            try (PreparedStatement query = db.prepare("SELECT * FROM alerts WHERE guild_id = ? ORDER BY started_at, id", guildId);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visitor.alert(RecordRows.alert(rows));
                }
            }
            try (PreparedStatement query = db.prepare("SELECT * FROM ai_summaries WHERE guild_id = ? ORDER BY period_key", guildId);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visitor.summary(RecordRows.summary(rows));
                }
            }
            try (PreparedStatement query = db.prepare("SELECT * FROM leaderboard_cache WHERE guild_id = ?"
                    + " ORDER BY channel_id, counter, period", guildId);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visitor.leaderboard(RecordRows.leaderboard(rows));
                }
            }
            try (PreparedStatement query = db.prepare("SELECT * FROM digests WHERE guild_id = ? ORDER BY period_key", guildId);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visitor.digest(DigestRows.record(rows));
                }
            }
            return null;
        }));
    }

    long eraseGuild(long guildId) {
        long deleted = db.locked("erase guild " + guildId, () -> db.inTransaction(() -> {
            long count = 0;
            for (BucketKind kind : BucketKind.values()) {
                count += db.update("DELETE FROM " + kind.collection() + " WHERE guild_id = ?", guildId);
            }
            for (String table : GUILD_TABLES) {
                count += db.update("DELETE FROM " + table + " WHERE guild_id = ?", guildId);
            }
            return count;
        }));
        LOG.info("Erased guild {}: {} rows", guildId, deleted);
        return deleted;
    }

    long eraseMember(long guildId, long memberId) {
        return db.locked("erase a member of guild " + guildId, () -> db.inTransaction(() -> {
            long count = 0;
            for (BucketKind kind : List.of(BucketKind.MEMBER_HOUR, BucketKind.MEMBER_DAY)) {
                count += db.update(BucketSql.eraseMember(kind), guildId, memberId);
            }
            count += db.update("DELETE FROM member_events WHERE guild_id = ? AND member_id = ?", guildId, memberId);
            count += eraseCachedLeaderboardsListing(guildId, memberId);
            return count;
        }));
    }

    /** Deletes the guild's cached leaderboards whose entries list the member (inside the caller's transaction). */
    private long eraseCachedLeaderboardsListing(long guildId, long memberId) throws SQLException {
        List<Long> listing = new ArrayList<>();
        try (PreparedStatement query = db.prepare("SELECT rowid, * FROM leaderboard_cache WHERE guild_id = ?", guildId);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (RecordRows.leaderboard(rows).entries().stream().anyMatch(e -> e.memberId() == memberId)) {
                    listing.add(rows.getLong("rowid"));
                }
            }
        }
        long count = 0;
        for (long rowid : listing) {
            count += db.update("DELETE FROM leaderboard_cache WHERE rowid = ?", rowid);
        }
        return count;
    }

    /**
     * Deletes expired rows in chunks of {@value #SWEEP_CHUNK}, each in its own short transaction,
     * releasing the lock between chunks: a first sweep after a long outage can delete millions of
     * rows, and flushes and reads must not wait for all of them.
     */
    long sweepExpired(Instant now) {
        long cutoff = SqlValues.millis(now);
        long deleted = 0;
        for (BucketKind kind : BucketKind.values()) {
            deleted += sweep(kind.collection(), BUCKET_KEY, cutoff);
        }
        deleted += sweep("member_events", "guild_id, member_id, kind, at", cutoff);
        deleted += sweep("alerts", "rowid", cutoff);
        deleted += sweep("ai_summaries", "rowid", cutoff);
        deleted += sweep("leaderboard_cache", "rowid", cutoff);
        deleted += sweep("digests", "guild_id, period_key", cutoff);
        // remembered batch ids are bookkeeping, not guild data: pruned, not counted
        sweep("applied_batches", "batch_id", cutoff);
        LOG.debug("Swept {} expired rows at {}", deleted, now);
        return deleted;
    }

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
            chunk = db.locked("sweep expired rows of " + table, () -> db.inTransaction(() -> db.update(sql, cutoff)));
            total += chunk;
        } while (chunk == SWEEP_CHUNK);
        return total;
    }
}
