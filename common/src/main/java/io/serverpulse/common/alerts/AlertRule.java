package io.serverpulse.common.alerts;

import java.time.Duration;
import java.util.Objects;

/**
 * A guild's rule for one alert type. What the numbers mean per type:
 * <ul>
 *   <li>{@code JOIN_RAID}: at least {@code threshold} joins within {@code window}; when {@code factor}
 *       is above 0, also alert when joins in the window reach {@code factor} × the trailing 24 h rate
 *       for such a window (and at least {@code threshold / 2} joins).</li>
 *   <li>{@code MASS_DELETION}: at least {@code threshold} messages deleted within {@code window}
 *       (a bulk delete counts each message).</li>
 *   <li>{@code ACTIVITY_DROP}: messages in the last {@code window} (taken in whole UTC hours,
 *       rounded up) fell below {@code factor} × the usual count for those same hours, when that usual
 *       count is at least {@code threshold}. Usual is the mean over the previous days (up to 7) on
 *       which the guild was collected; checked once an hour, see
 *       {@code io.serverpulse.common.alerts.detect.ActivityDropCheck}.</li>
 *   <li>{@code VOICE_SURGE}: members in voice reach {@code factor} × the trailing baseline and at
 *       least {@code threshold} members.</li>
 * </ul>
 */
public record AlertRule(boolean enabled, int threshold, Duration window, double factor) {

    public AlertRule {
        Objects.requireNonNull(window, "window");
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (factor < 0 || Double.isNaN(factor) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a finite number >= 0: " + factor);
        }
    }

    /** The seed's defaults. */
    public static AlertRule defaultFor(AlertType type) {
        return switch (type) {
            case JOIN_RAID -> new AlertRule(true, 10, Duration.ofSeconds(60), 0);
            case MASS_DELETION -> new AlertRule(true, 5, Duration.ofSeconds(30), 0);
            case ACTIVITY_DROP -> new AlertRule(true, 20, Duration.ofHours(1), 0.5);
            case VOICE_SURGE -> new AlertRule(true, 5, Duration.ofMinutes(5), 3.0);
        };
    }

    public AlertRule withEnabled(boolean on) {
        return new AlertRule(on, threshold, window, factor);
    }
}
