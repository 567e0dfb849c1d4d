package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertType;

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
