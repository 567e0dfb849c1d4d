package io.serverpulse.common.commands.alerts;

import io.serverpulse.common.alerts.AlertType;

/**
 * What an admin may set per alert type with {@code /alert-threshold}. The ranges keep a rule
 * meaningful (a raid of one join is not a raid; a drop "below 200 %" is not a drop); each type's
 * defaults ({@link io.serverpulse.common.alerts.AlertRule#defaultFor}) lie inside them.
 *
 * @param factorOff whether 0 is accepted as "no factor" besides the range
 * @param factorUsed false when the type has no factor at all
 */
public record AlertRanges(int minThreshold, int maxThreshold, long minWindowSeconds, long maxWindowSeconds,
                          boolean factorUsed, boolean factorOff, double minFactor, double maxFactor) {

    /** The widest bounds over all types, registered as the options' min/max values. */
    public static final int THRESHOLD_MIN = 1;
    public static final int THRESHOLD_MAX = 100_000;
    public static final long WINDOW_MIN = 5;
    public static final long WINDOW_MAX = 86_400;
    public static final double FACTOR_MIN = 0;
    public static final double FACTOR_MAX = 50;

    public static AlertRanges of(AlertType type) {
        return switch (type) {
            case JOIN_RAID -> new AlertRanges(2, 1000, 10, 3600, true, true, 1.5, 50);
            case MASS_DELETION -> new AlertRanges(2, 1000, 5, 3600, false, true, 0, 0);
            case ACTIVITY_DROP -> new AlertRanges(1, 100_000, 900, 86_400, true, false, 0.05, 0.95);
            case VOICE_SURGE -> new AlertRanges(2, 1000, 60, 3600, true, false, 1.1, 50);
        };
    }

    public boolean thresholdOk(long threshold) {
        return threshold >= minThreshold && threshold <= maxThreshold;
    }

    public boolean windowOk(long seconds) {
        return seconds >= minWindowSeconds && seconds <= maxWindowSeconds;
    }

    public boolean factorOk(double factor) {
        if (factor == 0) {
            return factorOff;
        }
        return factorUsed && factor >= minFactor && factor <= maxFactor;
    }
}
