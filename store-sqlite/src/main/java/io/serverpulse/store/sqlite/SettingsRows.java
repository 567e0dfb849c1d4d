package io.serverpulse.store.sqlite;

import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.GuildSettingsJson;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.settings.VersionedSettings;
import io.serverpulse.common.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code guild_settings} table: one row per guild holding its settings as JSON
 * ({@link GuildSettingsJson}) and a {@code version}. A change is a compare-and-set
 * ({@link VersionedSettings}): {@code UPDATE ... WHERE guild_id = ? AND version = ?}, or an insert
 * that does nothing if a row appeared meanwhile; each is one statement, atomic against other
 * connections and processes on the same file. Also answers, inside other roles' work, the retention
 * in force for a guild ({@link #retention}), from which the {@link RetentionPolicy} computes every
 * written row's {@code expire_at}.
 */
final class SettingsRows implements VersionedSettings {

    private final SqliteConnection db;
    private final RetentionPolicy policy;

    SettingsRows(SqliteConnection db, RetentionPolicy policy) {
        this.db = db;
        this.policy = policy;
    }

    RetentionPolicy policy() {
        return policy;
    }

    Optional<GuildSettings> find(long guildId) {
        return readVersioned(guildId).map(Stored::settings);
    }

    @Override
    public Optional<Stored> readVersioned(long guildId) {
        return db.read("read settings of guild " + guildId, () -> {
            try (PreparedStatement query = db.prepare("SELECT json, version FROM guild_settings WHERE guild_id = ?", guildId);
                 ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Stored(parse(guildId, rows.getString(1)), rows.getLong(2))) : Optional.empty();
            }
        });
    }

    @Override
    public boolean compareAndSet(GuildSettings settings, Optional<Stored> expected) {
        String json = GuildSettingsJson.toJson(settings);
        long updatedAt = SqlValues.millis(settings.updatedAt());
        return db.locked("save settings of guild " + settings.guildId(), () -> {
            if (expected.isEmpty()) {
                return db.update("INSERT INTO guild_settings (guild_id, json, updated_at, version) VALUES (?, ?, ?, 1)"
                        + " ON CONFLICT (guild_id) DO NOTHING", settings.guildId(), json, updatedAt) == 1;
            }
            long version = expected.get().version();
            return db.update("UPDATE guild_settings SET json = ?, updated_at = ?, version = ? WHERE guild_id = ? AND version = ?",
                    json, updatedAt, version + 1, settings.guildId(), version) == 1;
        });
    }

    List<GuildSettings> all() {
        return db.read("read all settings", () -> {
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

    /** The guild's retention in force (its own, or the configured default). Call under the connection's lock. */
    Retention retention(long guildId) throws SQLException {
        return policy.inForce(stored(guildId));
    }

    private static GuildSettings parse(long guildId, String json) {
        try {
            return GuildSettingsJson.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new StoreException("stored settings of guild " + guildId + " are unreadable: " + e.getMessage(), e);
        }
    }
}
