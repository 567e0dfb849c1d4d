package io.serverpulse.common.settings;

import java.util.List;
import java.util.Optional;

/** Guild settings. */
public interface SettingsStore {

    /** The stored settings, or empty for a guild that never changed anything. */
    Optional<GuildSettings> findSettings(long guildId);

    /** The stored settings or the defaults. */
    default GuildSettings settings(long guildId) {
        return findSettings(guildId).orElseGet(() -> GuildSettings.defaults(guildId));
    }

    /** Inserts or replaces the guild's settings. */
    void saveSettings(GuildSettings settings);

    /** Every guild with stored settings (for schedules and retention sweeps). */
    List<GuildSettings> allSettings();
}
