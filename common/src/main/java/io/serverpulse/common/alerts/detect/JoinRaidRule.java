package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertFacts;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import java.util.function.Function;

/**
 * {@code JOIN_RAID}: joins in {@code (t - window, t]} reach {@code threshold}; or, when
 * {@code factor > 0} and the 24 h baseline is known, reach {@code factor} × the usual joins per
 * window and at least {@code ceil(threshold / 2)}. Owns the window of recent joins, the 24 h join
 * history (its baseline) and the raid incidents.
 */
final class JoinRaidRule extends RealTimeRule {

    private final EventWindow joins = new EventWindow();
    private TrailingSeries history;

    JoinRaidRule() {
        super(AlertType.JOIN_RAID, (peak, total, windowMillis, usual, channels) ->
                new AlertFacts.RaidEnded(peak, total, windowMillis, usual));
    }

    /** Every join counts in the baseline, whether or not the rule is on. */
    void recordJoin(long at, DetectorOptions options) {
        history(options).add(at, 1);
    }

    /**
     * A join at {@code t} under the enabled {@code rule}.
     *
     * @param watchingSince the first time seen for the guild: the baseline knows nothing before it
     * @param members the guild's member count, 0 when unknown (the severity weighs the joins against it)
     * @return the opened incident, or null
     */
    AlertRecord onJoin(long guildId, long t, AlertRule rule, long watchingSince, int members, DetectorOptions options,
            Function<AlertFacts, String> wording) {
        long window = rule.window().toMillis();
        incidents.note(1, 0);
        joins.add(t, 0, 1);
        joins.prune(t, window);
        long count = joins.sum();
        // the 24 h baseline matters for the level (baseline mode) or for the context of a crossing
        Double perWindow = rule.factor() > 0 || count >= rule.threshold()
                ? joinsPerWindow(t, window, watchingSince, options) : null;
        long level = level(rule, perWindow);
        Double usualPerMinute = perWindow == null ? null : perWindow * 60_000 / window;
        return crossWindow(guildId, joins, t, window, level, perWindow == null ? 0 : perWindow, usualPerMinute, members,
                new AlertFacts.RaidOpened(count, window, usualPerMinute, level), wording);
    }

    @Override
    void switchedOff() {
        joins.clear();
    }

    /**
     * The effective join level: the absolute threshold, or lower when the baseline mode is on and
     * known: max(ceil(threshold / 2), ceil(factor × usual joins per window)).
     */
    static long level(AlertRule rule, Double perWindow) {
        long absolute = rule.threshold();
        if (rule.factor() <= 0 || perWindow == null) {
            return absolute;
        }
        long minimum = (rule.threshold() + 1) / 2;
        long relative = Math.max(minimum, (long) Math.ceil(rule.factor() * perWindow - 1e-9));
        return Math.min(absolute, relative);
    }

    /**
     * Joins to expect in a window of {@code windowMillis}, from the trailing 24 h that end where the
     * current window begins (so a raid does not raise its own baseline); null until the guild has
     * been watched for the warm-up.
     */
    private Double joinsPerWindow(long now, long windowMillis, long watchingSince, DetectorOptions options) {
        if (history == null) {
            return null;
        }
        long slot = history.slotMillis();
        long endSlot = history.slotOf(now - windowMillis);
        long firstFullSlot = Math.floorDiv(watchingSince + slot - 1, slot);
        long fromSlot = Math.max(endSlot - options.slotsPerSpan(), firstFullSlot);
        long observedMillis = (endSlot - fromSlot) * slot;
        if (observedMillis <= 0 || observedMillis < options.baselineWarmup().toMillis()) {
            return null;
        }
        return history.sum(fromSlot, endSlot) * (double) windowMillis / observedMillis;
    }

    /** Warms the baseline with the joins of stored whole hours ({@link StoredHours}). */
    void seed(StoredHours hours, DetectorOptions options) {
        TrailingSeries series = history(options);
        for (int i = 0; i < hours.count(); i++) {
            series.addSpread(hours.start(i), StoredHours.HOUR, hours.joins()[i]);
        }
    }

    private TrailingSeries history(DetectorOptions options) {
        if (history == null) {
            history = new TrailingSeries(options.baselineSlot().toMillis(), options.slotsPerSpan());
        }
        return history;
    }
}
