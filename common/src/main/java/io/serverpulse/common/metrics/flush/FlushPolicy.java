package io.serverpulse.common.metrics.flush;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link MetricFlusher} writes: how often, how much it may hold while the store is away, how
 * it backs off, and how long it tries on shutdown.
 *
 * @param interval time between scheduled flushes ({@code FLUSH_SECONDS})
 * @param maxPendingBuckets the bound on memory: distinct buckets held in the aggregator plus in
 *     batches waiting to be written. At the bound new events are dropped and counted (see
 *     {@link MetricFlusher#record})
 * @param initialBackoff wait after the first failed write before the scheduled loop tries again
 * @param maxBackoff cap of the doubling backoff
 * @param jitter fraction (0..1) of each backoff that is randomised away, so that many collectors
 *     do not retry in lock step; 0 for none
 * @param closeDeadline how long {@link MetricFlusher#close()} keeps trying to write what is left
 */
public record FlushPolicy(Duration interval, int maxPendingBuckets, Duration initialBackoff, Duration maxBackoff,
        double jitter, Duration closeDeadline) {

    public static final int DEFAULT_MAX_PENDING_BUCKETS = 200_000;

    public FlushPolicy {
        requirePositive(interval, "interval");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        Objects.requireNonNull(closeDeadline, "closeDeadline");
        if (closeDeadline.isNegative()) {
            throw new IllegalArgumentException("closeDeadline must not be negative: " + closeDeadline);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be at least initialBackoff");
        }
        if (maxPendingBuckets < 1) {
            throw new IllegalArgumentException("maxPendingBuckets must be at least 1: " + maxPendingBuckets);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
        }
    }

    /** Flush every {@code flushSeconds}; back off from that interval up to one minute; 10 s to drain on shutdown. */
    public static FlushPolicy everySeconds(int flushSeconds) {
        Duration interval = Duration.ofSeconds(flushSeconds);
        Duration cap = interval.compareTo(Duration.ofMinutes(1)) > 0 ? interval : Duration.ofMinutes(1);
        return new FlushPolicy(interval, DEFAULT_MAX_PENDING_BUCKETS, interval, cap, 0.2, Duration.ofSeconds(10));
    }

    /** The defaults with {@code FLUSH_SECONDS=5}. */
    public static FlushPolicy defaults() {
        return everySeconds(5);
    }

    public FlushPolicy withMaxPendingBuckets(int max) {
        return new FlushPolicy(interval, max, initialBackoff, maxBackoff, jitter, closeDeadline);
    }

    public FlushPolicy withBackoff(Duration initial, Duration max, double newJitter) {
        return new FlushPolicy(interval, maxPendingBuckets, initial, max, newJitter, closeDeadline);
    }

    public FlushPolicy withCloseDeadline(Duration deadline) {
        return new FlushPolicy(interval, maxPendingBuckets, initialBackoff, maxBackoff, jitter, deadline);
    }

    /** The wait after {@code failures} consecutive failed writes, before jitter: initial × 2^(failures-1), capped. */
    public Duration backoffAfter(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        Duration wait = initialBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
