package io.serverpulse.collector.members;

import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.members.MemberEventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The individual joins and leaves ({@code member_events}, for raid forensics and exports), written
 * in bulk with the metric flushes: one {@link MemberEventStore#recordMemberEvents} call per flush.
 * A write that fails keeps the events for the next flush; the store ignores an event it already
 * holds (ids are deterministic), so a retry never duplicates. At most {@code maxPending} events
 * wait; beyond that, during a long outage, new ones are dropped and counted (the join and leave
 * counters in the metric buckets are kept separately and are not affected). Thread-safe.
 */
public final class MemberEventLog {

    private static final Logger log = LoggerFactory.getLogger(MemberEventLog.class);

    private final MemberEventStore store;
    private final int maxPending;
    private final Object lock = new Object();
    private final Object flushLock = new Object();
    private List<MemberEvent> pending = new ArrayList<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public MemberEventLog(MemberEventStore store, int maxPending) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be positive: " + maxPending);
        }
        this.maxPending = maxPending;
    }

    public void add(MemberEvent event) {
        synchronized (lock) {
            if (pending.size() >= maxPending) {
                if (dropped.incrementAndGet() % 1_000 == 1) {
                    log.warn("Member event log full ({} waiting): dropped {} join/leave records so far", maxPending, dropped.get());
                }
                return;
            }
            pending.add(event);
        }
    }

    /** Writes what is waiting; returns true if nothing is left (or the write succeeded). */
    public boolean flush() {
        synchronized (flushLock) {
            List<MemberEvent> batch;
            synchronized (lock) {
                if (pending.isEmpty()) {
                    return true;
                }
                batch = pending;
                pending = new ArrayList<>();
            }
            try {
                store.recordMemberEvents(batch);
                written.addAndGet(batch.size());
                return true;
            } catch (RuntimeException e) {
                synchronized (lock) {
                    batch.addAll(pending);
                    pending = batch;
                }
                log.warn("Could not write {} join/leave records ({}); kept for the next flush", batch.size(), e.getMessage());
                return false;
            }
        }
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public int pending() {
        synchronized (lock) {
            return pending.size();
        }
    }
}
