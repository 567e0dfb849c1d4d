package io.serverpulse.collector.privacy;

import io.serverpulse.collector.gateway.OptedOut;
import io.serverpulse.common.privacy.MemberOptOut;
import io.serverpulse.common.privacy.OptOutStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-outs of the guilds this process serves, beside the settings cache and refreshed with it:
 * a guild's opt-outs are read from the store when its shard makes it ready (or on its first event),
 * then served from memory, so that the hot path never waits on the database.
 * <ul>
 *   <li>Self-hosted, a {@code /privacy} command answered by this process is followed by
 *       {@link #refresh(long)}: the member's next event is already decided by the new state.</li>
 *   <li>{@link #refreshAll()} (on the settings refresh schedule) reads every opt-out once: this is
 *       how the AWS mode sees what the interactions function stored.</li>
 *   <li>While a guild's opt-outs cannot be read, its members are treated as opted out (their
 *       member events are not counted; anonymous guild counts go on): not counting someone who
 *       asked not to be counted matters more than a few lost counts. A new read is tried at most
 *       once per {@code retryAfterFailure}.</li>
 * </ul>
 * Memory: one set per guild with opt-outs (an empty shared set otherwise). Thread-safe.
 */
public final class OptOutCache implements OptedOut {

    private static final Logger log = LoggerFactory.getLogger(OptOutCache.class);

    private final OptOutStore store;
    private final long retryAfterFailureNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<Long, Set<Long>> optedOut = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Long> failedUntil = new ConcurrentHashMap<>();

    public OptOutCache(OptOutStore store, Duration retryAfterFailure) {
        this(store, retryAfterFailure, System::nanoTime);
    }

    OptOutCache(OptOutStore store, Duration retryAfterFailure, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        this.retryAfterFailureNanos = retryAfterFailure.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public boolean optedOut(long guildId, long memberId) {
        Set<Long> members = optedOut.get(guildId);
        if (members == null) {
            Long until = failedUntil.get(guildId);
            members = until != null && nanoTime.getAsLong() - until < 0 ? null : load(guildId);
            if (members == null) {
                return true;
            }
        }
        return members.contains(memberId);
    }

    @Override
    public void preload(long guildId) {
        if (!optedOut.containsKey(guildId)) {
            load(guildId);
        }
    }

    /** Reads the guild's opt-outs again now (after a {@code /privacy} command in this process). */
    public void refresh(long guildId) {
        load(guildId);
    }

    /**
     * Reads every opt-out once and replaces the cached sets of the guilds already cached (a guild
     * not cached is read on its first event). Returns how many cached guilds changed; throws the
     * store's exception if the read fails (the cache is then unchanged).
     */
    public int refreshAll() {
        Map<Long, Set<Long>> byGuild = new HashMap<>();
        for (MemberOptOut optOut : store.allOptOuts()) {
            byGuild.computeIfAbsent(optOut.guildId(), g -> new HashSet<>()).add(optOut.memberId());
        }
        int changed = 0;
        for (Map.Entry<Long, Set<Long>> entry : optedOut.entrySet()) {
            Set<Long> fresh = Set.copyOf(byGuild.getOrDefault(entry.getKey(), Set.of()));
            if (!fresh.equals(entry.getValue()) && optedOut.replace(entry.getKey(), entry.getValue(), fresh)) {
                changed++;
            }
        }
        return changed;
    }

    @Override
    public void evict(long guildId) {
        optedOut.remove(guildId);
        failedUntil.remove(guildId);
    }

    private Set<Long> load(long guildId) {
        try {
            Set<Long> members = Set.copyOf(store.optedOut(guildId));
            optedOut.put(guildId, members);
            failedUntil.remove(guildId);
            return members;
        } catch (RuntimeException e) {
            failedUntil.put(guildId, nanoTime.getAsLong() + retryAfterFailureNanos);
            Set<Long> old = optedOut.get(guildId);
            log.warn("Could not read the opt-outs of guild {} ({}); {}", guildId, e.getMessage(),
                    old == null ? "its members' activity is not counted until they can be read" : "the cached ones stay in force");
            return old;
        }
    }
}
