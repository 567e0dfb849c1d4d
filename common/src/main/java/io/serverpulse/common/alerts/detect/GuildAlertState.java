package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertType;
import java.time.Duration;

/**
 * Everything the detector keeps for one guild: the sliding windows, the 24 h baselines (rings of
 * fixed size, allocated on first use) and one incident tracker per real-time alert type. Guarded
 * by its own monitor.
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

    final EventWindow joins = new EventWindow();
    final EventWindow deletions = new EventWindow();
    private TrailingSeries joinHistory;

    int voiceMembers;
    private long voiceSince = Long.MIN_VALUE;
    private TrailingSeries voiceMemberMillis;
    private TrailingSeries voiceObservedMillis;

    /** Whether the baselines were already warmed from stored hours ({@link #seed}). */
    private boolean seeded;

    final IncidentTracker raid = new IncidentTracker(AlertType.JOIN_RAID);
    final IncidentTracker deletion = new IncidentTracker(AlertType.MASS_DELETION);
    final IncidentTracker voice = new IncidentTracker(AlertType.VOICE_SURGE);

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

    boolean anyOpen() {
        return raid.isOpen() || deletion.isOpen() || voice.isOpen();
    }

    void recordJoin(long at, DetectorOptions options) {
        if (joinHistory == null) {
            joinHistory = new TrailingSeries(options.baselineSlot().toMillis(), options.slotsPerSpan());
        }
        joinHistory.add(at, 1);
    }

    /**
     * Joins to expect in a window of {@code windowMillis}, from the trailing 24 h that end where the
     * current window begins (so a raid does not raise its own baseline); null until the detector
     * has watched this guild for the warm-up.
     */
    Double joinsPerWindow(long now, long windowMillis, DetectorOptions options) {
        if (joinHistory == null) {
            return null;
        }
        long slot = joinHistory.slotMillis();
        long endSlot = joinHistory.slotOf(now - windowMillis);
        long firstFullSlot = Math.floorDiv(watchingSince + slot - 1, slot);
        long fromSlot = Math.max(endSlot - options.slotsPerSpan(), firstFullSlot);
        long observedMillis = (endSlot - fromSlot) * slot;
        if (observedMillis <= 0 || observedMillis < options.baselineWarmup().toMillis()) {
            return null;
        }
        return joinHistory.sum(fromSlot, endSlot) * (double) windowMillis / observedMillis;
    }

    /**
     * Warms the baselines with whole stored hours, once: {@code joins[i]} and
     * {@code voiceSeconds[i]} belong to the hour starting {@code firstHour + i} hours (every hour
     * of the range counts as watched). The stored hours end before any live input of this process,
     * so nothing is counted twice. Returns false if already seeded.
     */
    boolean seed(long firstHour, long[] joins, long[] voiceSeconds, DetectorOptions options) {
        if (seeded) {
            return false;
        }
        seeded = true;
        if (joins.length == 0) {
            return true;
        }
        long hour = Duration.ofHours(1).toMillis();
        if (joinHistory == null) {
            joinHistory = new TrailingSeries(options.baselineSlot().toMillis(), options.slotsPerSpan());
        }
        if (voiceMemberMillis == null) {
            voiceMemberMillis = new TrailingSeries(options.baselineSlot().toMillis(), options.slotsPerSpan());
            voiceObservedMillis = new TrailingSeries(options.baselineSlot().toMillis(), options.slotsPerSpan());
        }
        for (int i = 0; i < joins.length; i++) {
            long start = firstHour + i * hour;
            spread(joinHistory, start, hour, joins[i]);
            spread(voiceMemberMillis, start, hour, voiceSeconds[i] * 1000);
            spread(voiceObservedMillis, start, hour, hour);
        }
        watchingSince = watchingSince == Long.MIN_VALUE ? firstHour : Math.min(watchingSince, firstHour);
        // the stored hours count as activity: a quiet guild is not forgotten (with its seed) at the next tick
        lastActivity = Math.max(lastActivity, firstHour + joins.length * hour);
        return true;
    }

    /** Adds {@code amount} over {@code [start, start + length)} in proportion to each slot's share, exactly. */
    private static void spread(TrailingSeries series, long start, long length, long amount) {
        if (amount == 0) {
            return;
        }
        long slot = series.slotMillis();
        long from = start;
        long end = start + length;
        while (from < end) {
            long to = Math.min((Math.floorDiv(from, slot) + 1) * slot, end);
            long before = Math.multiplyExact(amount, from - start) / length;
            long upTo = Math.multiplyExact(amount, to - start) / length;
            series.add(from, upTo - before);
            from = to;
        }
    }

    /** A new count of members in voice at {@code at}; the previous count is integrated up to then. */
    void voicePresence(long at, int members, DetectorOptions options) {
        integrateVoice(at, options);
        if (voiceSince == Long.MIN_VALUE) {
            voiceSince = at;
        }
        voiceMembers = members;
    }

    /** Adds the current count × time since the last update to the voice baseline. */
    void integrateVoice(long until, DetectorOptions options) {
        if (voiceSince == Long.MIN_VALUE || until <= voiceSince) {
            return;
        }
        if (voiceMemberMillis == null) {
            voiceMemberMillis = new TrailingSeries(options.baselineSlot().toMillis(), options.slotsPerSpan());
            voiceObservedMillis = new TrailingSeries(options.baselineSlot().toMillis(), options.slotsPerSpan());
        }
        long slot = voiceMemberMillis.slotMillis();
        long from = Math.max(voiceSince, until - DetectorOptions.BASELINE_SPAN.toMillis() - slot);
        while (from < until) {
            long slotEnd = (Math.floorDiv(from, slot) + 1) * slot;
            long to = Math.min(slotEnd, until);
            voiceMemberMillis.add(from, (long) voiceMembers * (to - from));
            voiceObservedMillis.add(from, to - from);
            from = to;
        }
        voiceSince = until;
    }

    /**
     * The average number of members in voice over the trailing 24 h that end where the current
     * window begins; null until that range holds the warm-up's worth of observed time.
     */
    Double voiceBaseline(long now, long windowMillis, DetectorOptions options) {
        if (voiceMemberMillis == null) {
            return null;
        }
        long endSlot = voiceMemberMillis.slotOf(now - windowMillis);
        long fromSlot = endSlot - options.slotsPerSpan();
        long observed = voiceObservedMillis.sum(fromSlot, endSlot);
        if (observed <= 0 || observed < options.baselineWarmup().toMillis()) {
            return null;
        }
        return voiceMemberMillis.sum(fromSlot, endSlot) / (double) observed;
    }
}
