package io.serverpulse.store.sqlite;

import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.GuildSettingsJson;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code guild_settings} table: one row per guild holding its settings as JSON
 * ({@link GuildSettingsJson}). Also answers, inside other roles' work, the retention in force for
 * a guild ({@link #retention}), from which every written row's {@code expire_at} is computed.
 */
final class SettingsRows {

    private final SqliteConnection db;

    SettingsRows(SqliteConnection db) {
        this.db = db;
    }

    Optional<GuildSettings> find(long guildId) {
        return db.locked("read settings of guild " + guildId, () -> stored(guildId));
    }

    void save(GuildSettings settings) {
        String json = GuildSettingsJson.toJson(settings);
        db.locked("save settings of guild " + settings.guildId(), () -> db.update(
                "INSERT INTO guild_settings (guild_id, json, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (guild_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
                settings.guildId(), json, SqlValues.millis(settings.updatedAt())));
    }

    List<GuildSettings> all() {
        return db.locked("read all settings", () -> {
            List<GuildSettings> all = new ArrayList<>();
            try (PreparedStatement query = db.prepare("SELECT guild_id, json FROM guild_settings ORDER BY guild_id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(parse(rows.getLong(1), rows.getString(2)));
                }
            }
            return all;
        });
    }

    /** The guild's stored settings. Call under the connection's lock. */
    Optional<GuildSettings> stored(long guildId) throws SQLException {
        try (PreparedStatement query = db.prepare("SELECT json FROM guild_settings WHERE guild_id = ?", guildId);
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.of(parse(guildId, rows.getString(1))) : Optional.empty();
        }
    }

    /** The guild's retention, {@link Retention#DEFAULT} without stored settings. Call under the connection's lock. */
    Retention retention(long guildId) throws SQLException {
        return stored(guildId).map(GuildSettings::retention).orElse(Retention.DEFAULT);
    }

    private static GuildSettings parse(long guildId, String json) {
        try {
            return GuildSettingsJson.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new StoreException("stored settings of guild " + guildId + " are unreadable: " + e.getMessage(), e);
        }
    }
}
