package io.serverpulse.store.sqlite;

import static io.serverpulse.store.sqlite.SqlValues.millis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Usage counters ({@code usage_counters}): an add is one upsert and a read of the row in the same immediate
 * transaction, so adds through several connections to the file are all counted and each sees its own result.
 */
final class UsageRows {

    private static final String ADD = "INSERT INTO usage_counters (guild_id, member_id, counter, window_start, count, expire_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, member_id, counter, window_start)"
            + " DO UPDATE SET count = usage_counters.count + excluded.count";

    private final SqliteConnection db;

    UsageRows(SqliteConnection db) {
        this.db = db;
    }

    long add(long guildId, long memberId, String counter, Instant windowStart, Instant expireAt, long delta) {
        return db.locked("count a use of " + counter + " in guild " + guildId, () -> db.inTransaction(() -> {
            long start = millis(windowStart);
            db.update(ADD, guildId, memberId, counter, start, delta, millis(expireAt));
            try (PreparedStatement query = db.prepare("SELECT count FROM usage_counters"
                    + " WHERE guild_id = ? AND member_id = ? AND counter = ? AND window_start = ?", guildId, memberId, counter, start);
                 ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("usage counter row not found after the upsert");
                }
                return rows.getLong(1);
            }
        }));
    }
}
