package io.serverpulse.common.alerts.detect;

import java.util.List;

/**
 * Everything the detector keeps for one guild: its time, and one {@link RealTimeRule} per
 * real-time alert type with its window, baseline and incidents. Guarded by its own monitor.
 */
final class GuildAlertState {

    final long guildId;
    /** The first time seen for this guild: the baselines know nothing before it. */
    private long watchingSince = Long.MIN_VALUE;
    /** Set when evicted; a thread that still holds this state must fetch a fresh one. */
    boolean evicted;
    /** The newest time seen (events and ticks); event times are never allowed to go back before it. */
    long latest = Long.MIN_VALUE;
    long lastActivity;
    long lastSettingsWarning = Long.MIN_VALUE;

    /** Whether the baselines were already warmed from stored hours ({@link #seed}). */
    private boolean seeded;

    final JoinRaidRule raid = new JoinRaidRule();
    final MassDeletionRule deletion = new MassDeletionRule();
    final VoiceSurgeRule voice = new VoiceSurgeRule();
    private final List<RealTimeRule> rules = List.of(raid, deletion, voice);

    GuildAlertState(long guildId) {
        this.guildId = guildId;
    }

    /** Moves this guild's time to {@code at} if later, and returns the (monotonic) time to use. */
    long advance(long at) {
        if (watchingSince == Long.MIN_VALUE) {
            watchingSince = at;
            lastActivity = at;
        }
        latest = Math.max(latest, at);
        return latest;
    }

    long watchingSince() {
        return watchingSince;
    }

    /** The three rules, in the order their notices are delivered: raid, deletion, voice. */
    List<RealTimeRule> rules() {
        return rules;
    }

    boolean anyOpen() {
        return raid.incidents.isOpen() || deletion.incidents.isOpen() || voice.incidents.isOpen();
    }

    /**
     * Warms the baselines with stored whole hours, once (every hour of the range counts as
     * watched). The stored hours end before any live input of this process, so nothing is counted
     * twice. Returns false if already seeded.
     */
    boolean seed(StoredHours hours, DetectorOptions options) {
        if (seeded) {
            return false;
        }
        seeded = true;
        raid.seed(hours, options);
        voice.seed(hours, options);
        watchingSince = watchingSince == Long.MIN_VALUE ? hours.firstHour() : Math.min(watchingSince, hours.firstHour());
        // the stored hours count as activity: a quiet guild is not forgotten (with its seed) at the next tick
        lastActivity = Math.max(lastActivity, hours.end());
        return true;
    }
}
