package io.serverpulse.common.alerts.detect;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Counted events of one kind in a sliding window {@code (now - window, now]}, oldest first. Memory
 * is the events inside the window: pruning drops the rest.
 */
final class EventWindow {

    record Entry(long at, long channelId, long count) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long sum;

    void add(long at, long channelId, long count) {
        entries.addLast(new Entry(at, channelId, count));
        sum += count;
    }

    /** Drops entries at or before {@code now - windowMillis}. */
    void prune(long now, long windowMillis) {
        long edge = now - windowMillis;
        while (!entries.isEmpty() && entries.peekFirst().at() <= edge) {
            sum -= entries.removeFirst().count();
        }
    }

    void clear() {
        entries.clear();
        sum = 0;
    }

    long sum() {
        return sum;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The oldest of the newest entries that together reach {@code level}: while no newer event
     * arrives, the window holds at least {@code level} until this entry leaves it. Null if the
     * window holds less.
     */
    Entry reaching(long level) {
        long running = 0;
        Iterator<Entry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext()) {
            Entry entry = newestFirst.next();
            running += entry.count();
            if (running >= level) {
                return entry;
            }
        }
        return null;
    }

    /** The distinct non-zero channel ids in the window, ascending. */
    List<Long> channels() {
        TreeSet<Long> ids = new TreeSet<>();
        for (Entry entry : entries) {
            if (entry.channelId() != 0) {
                ids.add(entry.channelId());
            }
        }
        return List.copyOf(ids);
    }
}
