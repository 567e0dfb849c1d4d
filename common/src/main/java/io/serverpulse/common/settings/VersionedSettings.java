package io.serverpulse.common.settings;

import io.serverpulse.common.store.StoreException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * The one way settings change, shared by every adapter: a version compare-and-set with retry.
 * An adapter stores a version beside each guild's settings (SQLite: a column; MongoDB: a field;
 * neither is part of {@link GuildSettings}) and implements the two primitives; {@link #update} is
 * {@link SettingsStore#updateSettings}.
 *
 * <p>Versions start at 1 for the first stored settings and grow by one per write. A row or document
 * stored before versions existed reads as version 0.
 */
public interface VersionedSettings {

    /** How many times {@link #update} reads and tries again before giving up. */
    int MAX_ATTEMPTS = 64;

    /** Settings as stored, with the version they were stored under. */
    record Stored(GuildSettings settings, long version) {
        public Stored {
            Objects.requireNonNull(settings, "settings");
            if (version < 0) {
                throw new IllegalArgumentException("version must not be negative: " + version);
            }
        }
    }

    /** The guild's stored settings and their version; empty when none are stored. */
    Optional<Stored> readVersioned(long guildId);

    /**
     * Stores {@code settings} under version {@code expected.version() + 1} if the stored version is
     * still {@code expected.version()} (empty {@code expected}: if nothing is stored yet), in one
     * atomic step of the database. Returns false, writing nothing, when another writer came first.
     */
    boolean compareAndSet(GuildSettings settings, Optional<Stored> expected);

    /** {@link SettingsStore#updateSettings}: read, change, compare-and-set; again after a lost race. */
    default GuildSettings update(long guildId, UnaryOperator<GuildSettings> change) {
        Objects.requireNonNull(change, "change");
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Stored> stored = readVersioned(guildId);
            GuildSettings current = stored.map(Stored::settings).orElseGet(() -> GuildSettings.defaults(guildId));
            GuildSettings changed = Objects.requireNonNull(change.apply(current), "change returned null");
            if (changed.guildId() != guildId) {
                throw new IllegalArgumentException("a change of guild " + guildId + " returned settings of guild " + changed.guildId());
            }
            if (changed == current) {
                return current;
            }
            if (compareAndSet(changed, stored)) {
                return changed;
            }
            // another writer came first: wait a little (more after each lost race), read again
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1 + Math.min(attempt, 20) * 500_000L));
        }
        throw new StoreException("the settings of guild " + guildId + " kept changing under this update ("
                + MAX_ATTEMPTS + " attempts); nothing was changed, try again");
    }
}
