package io.serverpulse.common.alerts.detect;

import java.time.Duration;
import java.util.Objects;

/**
 * The detector's own timing, the same for every guild (the thresholds are per guild, in
 * {@link io.serverpulse.common.alerts.AlertRule}).
 *
 * @param quietPeriod an open incident ends once its condition has not held for this long; a new
 *     crossing within it continues the same incident
 * @param cooldown after an incident ends, no new incident of the same type opens for this long;
 *     if the condition still holds at an event after the cooldown, a new incident opens then
 * @param baselineWarmup how much history a trailing baseline needs before it is used; until then
 *     the raid's baseline mode and the voice surge stay silent (the absolute raid threshold works)
 * @param baselineSlot width of one slot of the 24 h baseline ring (must divide 24 h)
 * @param idleEviction a guild with no event for this long, nothing open and nobody in voice is
 *     forgotten at the next {@link AlertDetector#tick}
 */
public record DetectorOptions(Duration quietPeriod, Duration cooldown, Duration baselineWarmup, Duration baselineSlot,
        Duration idleEviction) {

    public static final Duration BASELINE_SPAN = Duration.ofHours(24);

    public DetectorOptions {
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(baselineWarmup, "baselineWarmup");
        Objects.requireNonNull(baselineSlot, "baselineSlot");
        Objects.requireNonNull(idleEviction, "idleEviction");
        if (quietPeriod.isNegative() || cooldown.isNegative() || baselineWarmup.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (baselineSlot.isNegative() || baselineSlot.isZero()
                || BASELINE_SPAN.toMillis() % baselineSlot.toMillis() != 0) {
            throw new IllegalArgumentException("baselineSlot must divide 24 h: " + baselineSlot);
        }
        if (baselineWarmup.compareTo(BASELINE_SPAN) > 0) {
            throw new IllegalArgumentException("baselineWarmup cannot exceed 24 h: " + baselineWarmup);
        }
        if (idleEviction.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("idleEviction must be at least an hour: " + idleEviction);
        }
    }

    /** Quiet 5 min, cooldown 5 min, baselines after 1 h of history in 5-minute slots, idle guilds forgotten after 25 h. */
    public static DetectorOptions defaults() {
        return new DetectorOptions(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ofHours(25));
    }

    public DetectorOptions withQuietPeriod(Duration value) {
        return new DetectorOptions(value, cooldown, baselineWarmup, baselineSlot, idleEviction);
    }

    public DetectorOptions withCooldown(Duration value) {
        return new DetectorOptions(quietPeriod, value, baselineWarmup, baselineSlot, idleEviction);
    }

    public DetectorOptions withBaselineWarmup(Duration value) {
        return new DetectorOptions(quietPeriod, cooldown, value, baselineSlot, idleEviction);
    }

    int slotsPerSpan() {
        return (int) (BASELINE_SPAN.toMillis() / baselineSlot.toMillis());
    }
}
