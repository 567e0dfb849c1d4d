package io.serverpulse.interactions.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of measured durations (nearest-rank), in milliseconds. */
final class Stats {

    private final double[] millis;

    Stats(List<Long> nanos) {
        millis = nanos.stream().mapToDouble(n -> n / 1_000_000.0).sorted().toArray();
    }

    double percentile(double p) {
        if (millis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * millis.length);
        return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }

    double median() {
        return percentile(50);
    }

    double min() {
        return millis[0];
    }

    double max() {
        return millis[millis.length - 1];
    }

    double mean() {
        return Arrays.stream(millis).average().orElse(Double.NaN);
    }

    int count() {
        return millis.length;
    }

    String summary() {
        return String.format("n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms mean=%.1f ms", count(), median(), percentile(90),
                percentile(99), max(), mean());
    }
}
