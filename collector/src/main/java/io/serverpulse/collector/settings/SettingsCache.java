package io.serverpulse.collector.settings;

import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings (whitelist, thresholds, bot counting) of the guilds this process serves, read from
 * {@code guild_settings} once and then served from memory, so that the hot path (every gateway
 * event) never waits on the database.
 *
 * <ul>
 *   <li>A guild is loaded when its shard makes it ready ({@link #preload}), or on its first event.</li>
 *   <li>Changes are picked up by {@link #refreshAll()} (one read of every stored settings document,
 *       run on a schedule: this is how the AWS mode sees what the interactions function saved) and
 *       at once by {@link #refresh(long)} (called after a command changed a guild's settings in the
 *       self-hosted process).</li>
 *   <li>When the database cannot be read, cached settings stay in force. A guild never loaded is
 *       then {@linkplain Optional#empty() unknown}: its channel events are not counted (there is no
 *       whitelist to check them against) and a new attempt is made at most once per
 *       {@code retryAfterFailure}, so an outage costs one failed read per guild per interval, not
 *       one per event.</li>
 * </ul>
 * Memory: one {@link GuildSettings} per guild of this process. Thread-safe.
 */
public final class SettingsCache {

    private static final Logger log = LoggerFactory.getLogger(SettingsCache.class);

    private final SettingsStore store;
    private final long retryAfterFailureNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<Long, GuildSettings> settings = new ConcurrentHashMap<>();
    /** Guild id → System.nanoTime() before which a failed load is not retried. */
    private final ConcurrentHashMap<Long, Long> failedUntil = new ConcurrentHashMap<>();
    private volatile BiConsumer<GuildSettings, GuildSettings> onChange = (before, after) -> { };

    public SettingsCache(SettingsStore store, Duration retryAfterFailure) {
        this(store, retryAfterFailure, System::nanoTime);
    }

    SettingsCache(SettingsStore store, Duration retryAfterFailure, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        this.retryAfterFailureNanos = retryAfterFailure.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * The guild's settings: from memory, or read now if this guild was never loaded (and no read
     * failed within the retry interval). Empty only while the store cannot be read for a guild
     * never loaded.
     */
    public Optional<GuildSettings> get(long guildId) {
        GuildSettings cached = settings.get(guildId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Long until = failedUntil.get(guildId);
        if (until != null && nanoTime.getAsLong() - until < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(load(guildId));
    }

    /**
     * For the alert detector: the settings or an exception (the detector then skips that input and
     * says so once a minute).
     */
    public GuildSettings require(long guildId) {
        return get(guildId).orElseThrow(() -> new IllegalStateException("settings of guild " + guildId + " not loaded yet"));
    }

    /** Reads the guild's settings now unless they are cached (a guild became ready or was joined). */
    public void preload(long guildId) {
        if (!settings.containsKey(guildId)) {
            load(guildId);
        }
    }

    /** Reads the guild's settings again now (after they were changed in this process); keeps the old ones if that fails. */
    public void refresh(long guildId) {
        load(guildId);
    }

    /**
     * Called with the old and the new settings whenever a cached guild's settings change (by
     * {@link #refresh}, {@link #refreshAll} or {@link #put}), on the thread that noticed it; it
     * must be quick. Not called when a guild is first loaded.
     */
    public void onChange(BiConsumer<GuildSettings, GuildSettings> listener) {
        this.onChange = Objects.requireNonNull(listener, "listener");
    }

    /** Replaces the cached settings with a copy this process has just saved. */
    public void put(GuildSettings saved) {
        GuildSettings before = settings.put(saved.guildId(), saved);
        failedUntil.remove(saved.guildId());
        changed(before, saved);
    }

    /** Forgets a guild this process no longer serves. */
    public void evict(long guildId) {
        settings.remove(guildId);
        failedUntil.remove(guildId);
    }

    /**
     * Reads every stored settings document once and updates the cached guilds whose settings
     * changed (a guild whose document is gone falls back to the defaults). Guilds not cached are
     * left alone. Returns how many cached guilds changed; throws the store's exception if the read
     * fails (the cache is then unchanged).
     */
    public int refreshAll() {
        List<GuildSettings> stored = store.allSettings();
        Map<Long, GuildSettings> byGuild = new HashMap<>(stored.size() * 2);
        stored.forEach(s -> byGuild.put(s.guildId(), s));
        int changed = 0;
        for (Map.Entry<Long, GuildSettings> entry : settings.entrySet()) {
            GuildSettings fresh = byGuild.getOrDefault(entry.getKey(), GuildSettings.defaults(entry.getKey()));
            if (!fresh.equals(entry.getValue()) && settings.replace(entry.getKey(), entry.getValue(), fresh)) {
                changed++;
                log.info("Settings of guild {} changed (updated {})", entry.getKey(), fresh.updatedAt());
                changed(entry.getValue(), fresh);
            }
        }
        return changed;
    }

    /** Guilds whose settings are in memory. */
    public int size() {
        return settings.size();
    }

    private GuildSettings load(long guildId) {
        try {
            GuildSettings loaded = store.settings(guildId);
            GuildSettings before = settings.put(guildId, loaded);
            failedUntil.remove(guildId);
            changed(before, loaded);
            return loaded;
        } catch (RuntimeException e) {
            failedUntil.put(guildId, nanoTime.getAsLong() + retryAfterFailureNanos);
            GuildSettings old = settings.get(guildId);
            log.warn("Could not read the settings of guild {} ({}); {}", guildId, e.getMessage(),
                    old == null ? "its channel events are not counted until they can be read"
                            : "the cached settings stay in force");
            return old;
        }
    }

    private void changed(GuildSettings before, GuildSettings after) {
        if (before == null || before.equals(after)) {
            return;
        }
        try {
            onChange.accept(before, after);
        } catch (RuntimeException e) {
            log.warn("Reacting to the settings change of guild {} failed: {}", after.guildId(), e.toString());
        }
    }
}
