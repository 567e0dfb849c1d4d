package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertFacts;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import java.util.List;
import java.util.function.Function;

/**
 * {@code VOICE_SURGE}: members in voice reach {@code threshold} and {@code factor} × the average
 * members in voice over the trailing 24 h (ending where the rule's window begins). Owns the current
 * count, its time-weighted 24 h history (the baseline) and the surge incidents; a surge holds while
 * the level does, so it ends a quiet period after voice falls back.
 */
final class VoiceSurgeRule extends RealTimeRule {

    private int members;
    private long since = Long.MIN_VALUE;
    private TrailingSeries memberMillis;
    private TrailingSeries observedMillis;

    VoiceSurgeRule() {
        super(AlertType.VOICE_SURGE, (peak, total, windowMillis, usual, channels) ->
                new AlertFacts.VoiceEnded(peak, usual == null ? 0 : usual));
    }

    /** How many members are in voice now. */
    int members() {
        return members;
    }

    /** A new count of members in voice at {@code at}; the previous count is integrated up to then. */
    void presence(long at, int count, DetectorOptions options) {
        integrate(at, options);
        if (since == Long.MIN_VALUE) {
            since = at;
        }
        members = count;
    }

    /** Adds the current count × time since the last update to the baseline. */
    void integrate(long until, DetectorOptions options) {
        if (since == Long.MIN_VALUE || until <= since) {
            return;
        }
        ensureSeries(options);
        long slot = memberMillis.slotMillis();
        long from = Math.max(since, until - DetectorOptions.BASELINE_SPAN.toMillis() - slot);
        while (from < until) {
            long slotEnd = (Math.floorDiv(from, slot) + 1) * slot;
            long to = Math.min(slotEnd, until);
            memberMillis.add(from, (long) members * (to - from));
            observedMillis.add(from, to - from);
            from = to;
        }
        since = until;
    }

    /** The current count at {@code t} under the enabled {@code rule}; returns the opened incident, or null. */
    AlertRecord check(long guildId, long t, AlertRule rule, DetectorOptions options, Function<AlertFacts, String> wording) {
        long window = rule.window().toMillis();
        Double baseline = baseline(t, window, options);
        double level = baseline == null ? Double.NaN : Math.max(rule.threshold(), rule.factor() * baseline);
        boolean above = baseline != null && members >= rule.threshold() && members >= rule.factor() * baseline - 1e-9;
        if (above && incidents.isOpen()) {
            incidents.extend(t, IncidentTracker.ONGOING, members, Severities.of(members, level));
        } else if (above && !incidents.inCooldown(t)) {
            return incidents.open(guildId, t, t, IncidentTracker.ONGOING, members, Severities.of(members, level), List.of(),
                    baseline, baseline, window, new AlertFacts.VoiceOpened(members, baseline), wording);
        } else if (!above) {
            incidents.stopAbove(t);
        }
        return null;
    }

    /**
     * The average number of members in voice over the trailing 24 h that end where the current
     * window begins; null until that range holds the warm-up's worth of observed time.
     */
    private Double baseline(long now, long windowMillis, DetectorOptions options) {
        if (memberMillis == null) {
            return null;
        }
        long endSlot = memberMillis.slotOf(now - windowMillis);
        long fromSlot = endSlot - options.slotsPerSpan();
        long observed = observedMillis.sum(fromSlot, endSlot);
        if (observed <= 0 || observed < options.baselineWarmup().toMillis()) {
            return null;
        }
        return memberMillis.sum(fromSlot, endSlot) / (double) observed;
    }

    /** Warms the baseline with stored whole hours: each hour watched, with its voice seconds ({@link StoredHours}). */
    void seed(StoredHours hours, DetectorOptions options) {
        ensureSeries(options);
        for (int i = 0; i < hours.count(); i++) {
            memberMillis.addSpread(hours.start(i), StoredHours.HOUR, hours.voiceSeconds()[i] * 1000);
            observedMillis.addSpread(hours.start(i), StoredHours.HOUR, StoredHours.HOUR);
        }
    }

    private void ensureSeries(DetectorOptions options) {
        if (memberMillis == null) {
            memberMillis = new TrailingSeries(options.baselineSlot().toMillis(), options.slotsPerSpan());
            observedMillis = new TrailingSeries(options.baselineSlot().toMillis(), options.slotsPerSpan());
        }
    }
}
