package io.serverpulse.emulator.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Picks an index with probability proportional to fixed weights, by binary search over their running sum. */
final class CumulativeSampler {

    private final double[] cumulative;

    CumulativeSampler(double[] weights) {
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + Arrays.toString(weights));
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
    }

    int size() {
        return cumulative.length;
    }

    int sample(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Zipf weights 1, 1/2^s, 1/3^s ... for {@code n} ranks, assigned to indexes in a random order. */
    static double[] shuffledZipf(int n, double exponent, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        double[] weights = new double[n];
        for (int rank = 0; rank < n; rank++) {
            weights[order[rank]] = 1.0 / Math.pow(rank + 1, exponent);
        }
        return weights;
    }
}
