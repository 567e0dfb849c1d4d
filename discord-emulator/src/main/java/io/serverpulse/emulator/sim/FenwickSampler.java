package io.serverpulse.emulator.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks a slot with probability proportional to its weight, in O(log n), while weights change
 * (members join, leave, go into voice). Slots are only ever added; a weight of 0 takes a slot out.
 */
final class FenwickSampler {

    private double[] tree = new double[65];
    private double[] weights = new double[64];
    private int size;
    private int positives;
    private double total;

    int add(double weight) {
        if (size == weights.length) {
            grow();
        }
        int slot = size++;
        set(slot, weight);
        return slot;
    }

    void set(int slot, double weight) {
        if (slot < 0 || slot >= size) {
            throw new IndexOutOfBoundsException(slot);
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and non-negative: " + weight);
        }
        double old = weights[slot];
        if (old > 0) {
            positives--;
        }
        if (weight > 0) {
            positives++;
        }
        double delta = weight - old;
        weights[slot] = weight;
        total += delta;
        for (int i = slot + 1; i < tree.length; i += i & -i) {
            tree[i] += delta;
        }
    }

    double weight(int slot) {
        return weights[slot];
    }

    boolean isEmpty() {
        return positives == 0;
    }

    /** A slot with positive weight, or -1 when there is none. */
    int sample(SplittableRandom random) {
        if (positives == 0) {
            return -1;
        }
        double target = random.nextDouble() * total;
        int pos = 0;
        for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
            int next = pos + step;
            if (next < tree.length && tree[next] <= target) {
                pos = next;
                target -= tree[next];
            }
        }
        if (pos < size && weights[pos] > 0) {
            return pos;
        }
        // rounding drift put the target on a gap: take the nearest slot that has weight
        for (int i = Math.min(pos, size - 1); i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        for (int i = pos; i < size; i++) {
            if (weights[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    private void grow() {
        weights = Arrays.copyOf(weights, weights.length * 2);
        tree = new double[weights.length + 1];
        total = 0;
        for (int i = 1; i < tree.length; i++) {
            tree[i] += weights[i - 1];
            total += weights[i - 1];
            int parent = i + (i & -i);
            if (parent < tree.length) {
                tree[parent] += tree[i];
            }
        }
    }
}
