package io.serverpulse.common.alerts.detect;

/**
 * Sums per fixed time slot over a trailing span (24 h), in a ring of {@code span / slot} longs:
 * bounded memory whatever the event rate. Slots older than the span are forgotten as time moves on.
 */
final class TrailingSeries {

    private final long slotMillis;
    private final long[] values;
    private long headSlot = Long.MIN_VALUE;

    TrailingSeries(long slotMillis, int slots) {
        this.slotMillis = slotMillis;
        this.values = new long[slots];
    }

    long slotOf(long atMillis) {
        return Math.floorDiv(atMillis, slotMillis);
    }

    long slotMillis() {
        return slotMillis;
    }

    void add(long atMillis, long amount) {
        long slot = slotOf(atMillis);
        advanceTo(slot);
        if (slot <= headSlot - values.length) {
            return; // older than the span
        }
        values[(int) Math.floorMod(slot, (long) values.length)] += amount;
    }

    /** Adds {@code amount} over {@code [start, start + length)} in proportion to each slot's share, exactly. */
    void addSpread(long start, long length, long amount) {
        if (amount == 0) {
            return;
        }
        long from = start;
        long end = start + length;
        while (from < end) {
            long to = Math.min((Math.floorDiv(from, slotMillis) + 1) * slotMillis, end);
            long before = Math.multiplyExact(amount, from - start) / length;
            long upTo = Math.multiplyExact(amount, to - start) / length;
            add(from, upTo - before);
            from = to;
        }
    }

    private void advanceTo(long slot) {
        if (headSlot == Long.MIN_VALUE) {
            headSlot = slot;
            return;
        }
        if (slot <= headSlot) {
            return;
        }
        long clear = Math.min(slot - headSlot, values.length);
        for (long s = slot - clear + 1; s <= slot; s++) {
            values[(int) Math.floorMod(s, (long) values.length)] = 0;
        }
        headSlot = slot;
    }

    /** The sum over slots {@code [fromSlot, toSlot)}; slots never written, or forgotten, count 0. */
    long sum(long fromSlot, long toSlot) {
        if (headSlot == Long.MIN_VALUE) {
            return 0;
        }
        long from = Math.max(fromSlot, headSlot - values.length + 1);
        long to = Math.min(toSlot, headSlot + 1);
        long total = 0;
        for (long s = from; s < to; s++) {
            total += values[(int) Math.floorMod(s, (long) values.length)];
        }
        return total;
    }
}
