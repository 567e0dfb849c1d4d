package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import com.fasterxml.jackson.core.type.TypeReference;
import io.serverpulse.common.privacy.MemberErasure;
import io.serverpulse.common.retention.RestampCursor;
import io.serverpulse.common.retention.RestampStep;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.GuildDataVisitor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole-guild operations: export (streamed row by row), erasure of a guild or a member, the
 * retention sweep, and re-stamping a guild's rows after its retention changed.
 */
final class GuildData {

    private static final Logger LOG = LoggerFactory.getLogger(GuildData.class);
    private static final List<String> GUILD_TABLES = List.of("guild_settings", "member_events", "alerts", "ai_summaries",
            "leaderboard_cache", "digests", "member_opt_outs", "usage_counters");

    /** How many expired rows one sweep transaction deletes at most (a few milliseconds of holding the write lock). */
    static final int SWEEP_CHUNK = 2_000;

    private final SqliteConnection db;
    private final SettingsRows settings;
    private final OptOutRows optOuts;

    GuildData(SqliteConnection db, SettingsRows settings, OptOutRows optOuts) {
        this.db = db;
        this.settings = settings;
        this.optOuts = optOuts;
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
            optOuts.ofGuildHeld(guildId).forEach(visitor::optOut);
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

    MemberErasure eraseMember(long guildId, long memberId) {
        MemberErasure erased = db.locked("erase a member of guild " + guildId, () -> db.inTransaction(() -> {
            // the /askpulse counters go with the member too (bookkeeping, not part of what erasure reports)
            db.update("DELETE FROM usage_counters WHERE guild_id = ? AND member_id = ?", guildId, memberId);
            return new MemberErasure(
                    db.update(BucketSql.eraseMember(BucketKind.MEMBER_HOUR), guildId, memberId),
                    db.update(BucketSql.eraseMember(BucketKind.MEMBER_DAY), guildId, memberId),
                    db.update("DELETE FROM member_events WHERE guild_id = ? AND member_id = ?", guildId, memberId),
                    eraseCachedLeaderboardsListing(guildId, memberId));
        }));
        LOG.info("Erased a member's data in guild {}: {} rows", guildId, erased.total());
        return erased;
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
        for (ExpiringTables.Table table : ExpiringTables.ALL) {
            deleted += sweep(table.name(), table.sweepKey(), cutoff);
        }
        // usage counters expire with their fixed window, never re-stamped: not one of the retention's tables
        deleted += sweep("usage_counters", "guild_id, member_id, counter, window_start", cutoff);
        // remembered batch ids are bookkeeping, not guild data: pruned, not counted
        sweep("applied_batches", "batch_id", cutoff);
        long reclaimed = reclaim();
        LOG.debug("Swept {} expired rows at {}; {} free pages handed back to the file system", deleted, now, reclaimed);
        return deleted;
    }

    /**
     * Hands the pages the sweep freed back to the file system, {@link FileSpace#RECLAIM_PAGES} at a
     * time, each step under the lock on its own, then truncates the write-ahead log. Returns the
     * pages handed back.
     */
    private long reclaim() {
        long before = db.locked("count free pages", () -> FileSpace.freePages(db.connection()));
        long left = before;
        long previous = Long.MAX_VALUE;
        while (left > 0 && left < previous) {
            previous = left;
            left = db.locked("hand free pages back to the file system", () -> FileSpace.reclaimStep(db.connection()));
        }
        db.locked("checkpoint the write-ahead log", () -> {
            FileSpace.checkpoint(db.connection());
            return null;
        });
        return before - left;
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

    /**
     * One step of re-stamping: up to {@code limit} rows of one table of the guild, after the cursor,
     * in key order (served by the primary key), in one short transaction. The cursor is
     * {@code <table index>:<JSON array of the last key>}.
     */
    RestampStep restamp(long guildId, Retention retention, String resumeAfter, int limit) {
        RestampCursor at = RestampCursor.of(resumeAfter, limit, ExpiringTables.ALL.size());
        ExpiringTables.Table table = ExpiringTables.ALL.get(at.table());
        List<Object> cursor = at.lastKey().isEmpty() ? List.of()
                : SqlValues.fromJson(at.lastKey(), new TypeReference<List<Object>>() { }, "re-stamp cursor");
        return db.locked("re-stamp " + table.name() + " of guild " + guildId, () -> db.inTransaction(() -> {
            List<List<Object>> changed = new ArrayList<>();
            List<Long> expiries = new ArrayList<>();
            List<Object> last = null;
            int examined = 0;
            List<Object> params = new ArrayList<>();
            params.add(guildId);
            params.addAll(cursor);
            params.add(limit);
            String sql = "SELECT " + table.keyList() + ", " + table.anchor() + " AS anchor, expire_at FROM " + table.name()
                    + " WHERE guild_id = ?" + (cursor.isEmpty() ? "" : " AND " + table.after())
                    + " ORDER BY " + table.keyList() + " LIMIT ?";
            try (PreparedStatement query = db.prepare(sql, params.toArray()); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    examined++;
                    List<Object> key = new ArrayList<>(table.key().size());
                    for (int i = 1; i <= table.key().size(); i++) {
                        key.add(rows.getObject(i));
                    }
                    long expireAt = SqlValues.millis(settings.policy().expireAt(table.kind(), retention,
                            Instant.ofEpochMilli(rows.getLong("anchor"))));
                    if (rows.getLong("expire_at") != expireAt) {
                        changed.add(key);
                        expiries.add(expireAt);
                    }
                    last = key;
                }
            }
            String update = "UPDATE " + table.name() + " SET expire_at = ? WHERE guild_id = ? AND " + table.equal();
            for (int i = 0; i < changed.size(); i++) {
                List<Object> updateParams = new ArrayList<>();
                updateParams.add(expiries.get(i));
                updateParams.add(guildId);
                updateParams.addAll(changed.get(i));
                db.update(update, updateParams.toArray());
            }
            return at.step(examined, changed.size(), last == null ? "" : SqlValues.json(last), limit, ExpiringTables.ALL.size());
        }));
    }
}
