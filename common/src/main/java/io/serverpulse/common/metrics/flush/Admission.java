package io.serverpulse.common.metrics.flush;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission under the memory bound: counts events into the open batch's {@link MetricAggregator},
 * or drops them once the buckets held in memory (the aggregator's plus those of cut batches not yet
 * written) reach {@link FlushPolicy#maxPendingBuckets()}, or after {@link #close()}. Drops are
 * counted, per guild too, and warned about once a minute, naming the guilds; a drop before close is
 * also noted in the open batch ({@link MetricAggregator#addDropped}), so that it is stored with its
 * guild and hour. Thread-safe (its own lock); never touches the store.
 *
 * <p>The {@link MetricFlusher} is its only user: it admits events ({@link #admit}), cuts the open
 * batch ({@link #cut}) and gives back the buckets of a batch the store confirmed ({@link #release}).
 */
final class Admission {

    /** What became of an event. */
    enum Outcome {
        /** not counted: the bound is reached, or the flusher is closed */
        DROPPED,
        /** counted into the open batch */
        COUNTED,
        /** counted, and the open batch now holds half the bound while nothing waits: flush it now */
        COUNTED_FLUSH_NOW
    }

    /** An open batch that was cut: its increments and how many events they count. */
    record Cut(MetricBatch batch, long events) {
    }

    private static final Logger log = LoggerFactory.getLogger(MetricFlusher.class);
    private static final Duration DROP_WARNING_INTERVAL = Duration.ofMinutes(1);

    private final FlushPolicy policy;
    private final Clock clock;
    private final Supplier<String> batchIds;
    /** The last write error, for the drop warning. */
    private final Supplier<String> lastFailure;

    private final Object lock = new Object();
    /* guarded by lock */
    private MetricAggregator aggregator;
    private boolean closed;
    private boolean earlyFlushRequested;
    private int queuedBuckets;
    private long droppedSinceWarning;
    private final Map<Long, Long> droppedSinceWarningByGuild = new HashMap<>();
    private final Map<Long, Long> droppedByGuild = new HashMap<>();
    private Instant lastDropWarning;

    private final AtomicLong eventsRecorded = new AtomicLong();
    private final AtomicLong eventsDropped = new AtomicLong();

    Admission(FlushPolicy policy, Clock clock, Supplier<String> batchIds, Supplier<String> lastFailure) {
        this.policy = policy;
        this.clock = clock;
        this.batchIds = batchIds;
        this.lastFailure = lastFailure;
        this.aggregator = newAggregator();
    }

    Outcome admit(ActivityEvent event) {
        synchronized (lock) {
            if (closed || aggregator.pendingBuckets() + queuedBuckets >= policy.maxPendingBuckets()) {
                if (!closed) {
                    aggregator.addDropped(event);
                }
                noteDropLocked(event.guildId());
                return Outcome.DROPPED;
            }
            aggregator.add(event);
            eventsRecorded.incrementAndGet();
            boolean flushNow = !earlyFlushRequested && queuedBuckets == 0
                    && aggregator.pendingBuckets() >= policy.maxPendingBuckets() / 2;
            earlyFlushRequested |= flushNow;
            return flushNow ? Outcome.COUNTED_FLUSH_NOW : Outcome.COUNTED;
        }
    }

    private void noteDropLocked(long guildId) {
        eventsDropped.incrementAndGet();
        droppedSinceWarning++;
        droppedSinceWarningByGuild.merge(guildId, 1L, Long::sum);
        droppedByGuild.merge(guildId, 1L, Long::sum);
        Instant now = clock.instant();
        if (lastDropWarning == null || !now.isBefore(lastDropWarning.plus(DROP_WARNING_INTERVAL))) {
            if (closed) {
                log.warn("Dropped {} activity events recorded after the metric flusher was closed ({})", droppedSinceWarning,
                        DroppedEvents.describe(droppedSinceWarningByGuild));
            } else {
                String failure = lastFailure.get();
                log.warn("Dropped {} activity events ({}): {} buckets are waiting to be written (limit {}); "
                                + "the database is away or slower than the events ({}). Each guild's count is stored with "
                                + "its hour and shown in /serverpulse status and under its leaderboards",
                        droppedSinceWarning, DroppedEvents.describe(droppedSinceWarningByGuild),
                        aggregator.pendingBuckets() + queuedBuckets, policy.maxPendingBuckets(),
                        failure == null ? "no write error" : failure);
            }
            droppedSinceWarning = 0;
            droppedSinceWarningByGuild.clear();
            lastDropWarning = now;
        }
    }

    /** Events dropped since start, per guild (only guilds with drops). */
    Map<Long, Long> droppedByGuild() {
        synchronized (lock) {
            return Map.copyOf(droppedByGuild);
        }
    }

    /**
     * Cuts the open batch: a new aggregator (with the next batch id) takes the events from now on,
     * and the cut one's buckets count as queued until {@link #release}d. The aggregator is swapped
     * under the lock and drained outside it, so that building a large batch never stalls
     * {@link #admit}. Null if no event was counted or dropped since the last cut.
     */
    Cut cut() {
        MetricAggregator full;
        long events;
        synchronized (lock) {
            earlyFlushRequested = false;
            if (aggregator.pendingEvents() == 0 && aggregator.pendingDrops() == 0) {
                return null;
            }
            full = aggregator;
            aggregator = newAggregator();
            events = full.pendingEvents();
            queuedBuckets += full.pendingBuckets();
        }
        return new Cut(full.drain(), events);
    }

    /** The store confirmed a batch of {@code buckets} buckets: they no longer count against the bound. */
    void release(int buckets) {
        synchronized (lock) {
            queuedBuckets -= buckets;
        }
    }

    /** From now on every event is dropped (and counted). */
    void close() {
        synchronized (lock) {
            closed = true;
        }
    }

    /** Distinct buckets held in memory: in the open batch and in cut batches not yet written. */
    int pendingBuckets() {
        synchronized (lock) {
            return aggregator.pendingBuckets() + queuedBuckets;
        }
    }

    long eventsRecorded() {
        return eventsRecorded.get();
    }

    long eventsDropped() {
        return eventsDropped.get();
    }

    /** An aggregator whose one batch carries the next id (a drained aggregator is thrown away). */
    private MetricAggregator newAggregator() {
        String id = batchIds.get();
        return new MetricAggregator(() -> id);
    }
}
