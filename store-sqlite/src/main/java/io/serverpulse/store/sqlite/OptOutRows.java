package io.serverpulse.store.sqlite;

import io.serverpulse.common.privacy.MemberOptOut;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The {@code member_opt_outs} table: one row per guild and member who opted out. */
final class OptOutRows {

    private final SqliteConnection db;

    OptOutRows(SqliteConnection db) {
        this.db = db;
    }

    boolean optOut(MemberOptOut optOut) {
        return db.locked("record an opt-out in guild " + optOut.guildId(), () -> db.update(
                "INSERT INTO member_opt_outs (guild_id, member_id, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                optOut.guildId(), optOut.memberId(), SqlValues.millis(optOut.since()))) == 1;
    }

    boolean optIn(long guildId, long memberId) {
        return db.locked("remove an opt-out in guild " + guildId, () -> db.update(
                "DELETE FROM member_opt_outs WHERE guild_id = ? AND member_id = ?", guildId, memberId)) == 1;
    }

    Optional<MemberOptOut> find(long guildId, long memberId) {
        return db.read("read an opt-out of guild " + guildId, () -> {
            List<MemberOptOut> found = query("SELECT * FROM member_opt_outs WHERE guild_id = ? AND member_id = ?", guildId, memberId);
            return found.stream().findFirst();
        });
    }

    Set<Long> ofGuild(long guildId) {
        return db.read("read the opt-outs of guild " + guildId, () -> {
            Set<Long> members = new TreeSet<>();
            query("SELECT * FROM member_opt_outs WHERE guild_id = ?", guildId).forEach(o -> members.add(o.memberId()));
            return members;
        });
    }

    List<MemberOptOut> all() {
        return db.read("read all opt-outs", () -> query("SELECT * FROM member_opt_outs ORDER BY guild_id, member_id"));
    }

    /** The guild's opt-outs, in member order, on the connection the caller holds ({@code db.read} or {@code db.locked}). */
    List<MemberOptOut> ofGuildHeld(long guildId) throws SQLException {
        return query("SELECT * FROM member_opt_outs WHERE guild_id = ? ORDER BY member_id", guildId);
    }

    private List<MemberOptOut> query(String sql, Object... params) throws SQLException {
        List<MemberOptOut> optOuts = new ArrayList<>();
        try (PreparedStatement query = db.prepare(sql, params); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                optOuts.add(new MemberOptOut(rows.getLong("guild_id"), rows.getLong("member_id"),
                        Instant.ofEpochMilli(rows.getLong("since"))));
            }
        }
        return optOuts;
    }
}
