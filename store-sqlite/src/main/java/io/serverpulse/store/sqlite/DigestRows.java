package io.serverpulse.store.sqlite;

import static io.serverpulse.store.sqlite.SqlValues.millis;

import io.serverpulse.common.digest.DigestRecord;
import io.serverpulse.common.retention.ExpiryKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The digest ledger ({@code digests}): a claim is one upsert whose {@code WHERE} lets it replace only an
 * unposted claim of the same owner or one whose lease ran out, so that of several writers (threads, or
 * processes on the same file) one gets it; the row is read back in the same transaction.
 */
final class DigestRows {

    private static final String CLAIM = "INSERT INTO digests (guild_id, period_key, owner, claimed_at, expire_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (guild_id, period_key) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at,"
            + " expire_at = excluded.expire_at"
            + " WHERE digests.posted_at IS NULL AND (digests.owner = excluded.owner OR digests.claimed_at <= ?)";

    private final SqliteConnection db;
    private final SettingsRows settings;

    DigestRows(SqliteConnection db, SettingsRows settings) {
        this.db = db;
        this.settings = settings;
    }

    DigestRecord claim(long guildId, String periodKey, String owner, Instant now, Duration lease) {
        return db.locked("claim the digest " + periodKey + " of guild " + guildId, () -> db.inTransaction(() -> {
            Instant expireAt = settings.policy().expireAt(ExpiryKind.DIGESTS, settings.retention(guildId), now);
            db.update(CLAIM, guildId, periodKey, owner, millis(now), millis(expireAt), millis(now.minus(lease)));
            return read(guildId, periodKey).orElseThrow(() -> new SQLException("claimed digest row not found"));
        }));
    }

    boolean posted(long guildId, String periodKey, String owner, long channelId, long messageId, Instant at) {
        return db.locked("mark the digest " + periodKey + " of guild " + guildId + " posted", () -> db.inTransaction(() -> {
            db.update("UPDATE digests SET posted_at = ?, channel_id = ?, message_id = ?"
                    + " WHERE guild_id = ? AND period_key = ? AND owner = ? AND posted_at IS NULL",
                    millis(at), channelId, messageId, guildId, periodKey, owner);
            return read(guildId, periodKey).map(r -> r.posted() && r.ownedBy(owner)).orElse(false);
        }));
    }

    Optional<DigestRecord> find(long guildId, String periodKey) {
        return db.read("read the digest " + periodKey + " of guild " + guildId, () -> read(guildId, periodKey));
    }

    private Optional<DigestRecord> read(long guildId, String periodKey) throws SQLException {
        try (PreparedStatement query = db.prepare("SELECT * FROM digests WHERE guild_id = ? AND period_key = ?", guildId, periodKey);
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.of(record(rows)) : Optional.empty();
        }
    }

    static DigestRecord record(ResultSet row) throws SQLException {
        long postedAt = row.getLong("posted_at");
        boolean posted = !row.wasNull();
        long channelId = row.getLong("channel_id");
        Long channel = row.wasNull() ? null : channelId;
        long messageId = row.getLong("message_id");
        Long message = row.wasNull() ? null : messageId;
        return new DigestRecord(row.getLong("guild_id"), row.getString("period_key"), row.getString("owner"),
                Instant.ofEpochMilli(row.getLong("claimed_at")), posted ? Instant.ofEpochMilli(postedAt) : null, channel, message);
    }
}
