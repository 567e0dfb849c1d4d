package io.serverpulse.emulator.sim;

import java.util.Arrays;

/** A growable list of longs (message ids) that removes in O(1) by moving the last one into the gap. */
final class LongList {

    private long[] items = new long[16];
    private int size;

    void add(long value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return items[index];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long swapRemove(int index) {
        long value = get(index);
        items[index] = items[--size];
        return value;
    }

    long[] toArray() {
        return Arrays.copyOf(items, size);
    }

    long removeLast() {
        return swapRemove(size - 1);
    }
}
