package io.serverpulse.common.settings;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Guild settings. Every change made by a command or by the bot itself goes through
 * {@link #updateSettings}: a compare-and-set on a version the store keeps beside the settings, so
 * that two writers (threads, store instances, processes, Lambda instances) never lose each other's
 * change.
 */
public interface SettingsStore {

    /** The stored settings, or empty for a guild that never changed anything. */
    Optional<GuildSettings> findSettings(long guildId);

    /** The stored settings or the defaults. */
    default GuildSettings settings(long guildId) {
        return findSettings(guildId).orElseGet(() -> GuildSettings.defaults(guildId));
    }

    /**
     * Changes the guild's settings atomically against every other writer: reads what is stored (the
     * defaults if nothing is), applies {@code change}, and stores the result only if the stored
     * settings did not change in between (compare-and-set on their version); if they did, reads
     * again and applies {@code change} again (see {@link VersionedSettings#update}).
     *
     * <p>So {@code change} may run more than once and must only compute its result from its
     * argument. It may throw to give up: nothing is stored and the exception propagates. If it
     * returns its argument itself, nothing is written. Its last call is the one whose result is
     * stored, computed from the settings then stored.
     *
     * @return what is stored now: the result of {@code change}'s last call
     * @throws IllegalArgumentException if {@code change} returns settings of another guild
     * @throws io.serverpulse.common.store.StoreException if the store cannot be reached, or other
     *     writers kept winning for {@link VersionedSettings#MAX_ATTEMPTS} attempts
     */
    GuildSettings updateSettings(long guildId, UnaryOperator<GuildSettings> change);

    /**
     * Replaces the guild's settings whatever is stored (a blind write, through
     * {@link #updateSettings}, so it still moves the version on and a concurrent update retries on
     * top of it). For seeding tests and importing settings only: a command or the bot changes
     * settings with {@link #updateSettings}, which never loses another writer's change.
     */
    default void saveSettings(GuildSettings settings) {
        updateSettings(settings.guildId(), current -> settings);
    }

    /** Every guild with stored settings (for schedules and retention sweeps). */
    List<GuildSettings> allSettings();
}
