package io.serverpulse.emulator.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A set of small non-negative ints (member slots) with O(1) add, remove and uniform random pick. */
final class IntBag {

    private int[] items = new int[16];
    private int[] positions = new int[16];
    private int size;

    IntBag() {
        Arrays.fill(positions, -1);
    }

    boolean contains(int value) {
        return value < positions.length && positions[value] >= 0;
    }

    void add(int value) {
        if (contains(value)) {
            return;
        }
        if (value >= positions.length) {
            int old = positions.length;
            positions = Arrays.copyOf(positions, Math.max(old * 2, value + 1));
            Arrays.fill(positions, old, positions.length, -1);
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        positions[value] = size;
        items[size++] = value;
    }

    void remove(int value) {
        if (!contains(value)) {
            return;
        }
        int at = positions[value];
        int last = items[--size];
        items[at] = last;
        positions[last] = at;
        positions[value] = -1;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int random(SplittableRandom random) {
        return items[random.nextInt(size)];
    }

    /** The members in insertion-and-removal order (deterministic for a deterministic history). */
    int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
