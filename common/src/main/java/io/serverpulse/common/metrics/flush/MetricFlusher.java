package io.serverpulse.common.metrics.flush;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread-safe front of {@link MetricAggregator}: many threads {@link #record} events, and every
 * {@link FlushPolicy#interval()} a scheduled flush cuts what was aggregated into one
 * {@link MetricBatch} and hands it to {@link MetricsStore#apply}, the idempotent batch write.
 *
 * <h2>When the store is away</h2>
 * A batch whose write throws (a {@link StoreException}, or any other runtime exception, which is
 * logged as such) is <em>kept with its id</em> at the head of a FIFO queue and retried by the
 * scheduled loop after an exponential backoff ({@link FlushPolicy#backoffAfter}, capped, with
 * optional jitter). Because a retry reuses the batch id, a write that reached the database but
 * whose answer was lost (a timeout after success) is not counted twice. Queued batches are written
 * in order; a new batch is only cut once every older one is confirmed, so during an outage new
 * events keep merging into the aggregator's one open batch, where an hour of messages in a channel
 * is still one bucket.
 *
 * <h2>The memory bound</h2>
 * Memory grows with distinct buckets, not events. {@link FlushPolicy#maxPendingBuckets()} bounds
 * the buckets held in the aggregator plus in queued batches. When that total has reached the bound,
 * {@link #record} <em>drops</em> the event, and says so three ways: it is counted in
 * {@link FlushStats#eventsDropped()} and per guild ({@link #droppedByGuild()}); one WARN line a
 * minute says how many were dropped and in which guilds; and the aggregator notes it as one
 * {@link io.serverpulse.common.metrics.Counter#DROPPED_EVENTS} in the guild-wide hour of the event
 * ({@link MetricAggregator#addDropped}), written with the next batch like any count, so that it
 * survives a restart and every number read over that hour can say how many events it misses. That
 * note is the only thing added past the bound: one bucket per guild and hour with drops. Why drop
 * rather than keep counting: an event
 * touches up to five buckets at once (channel, member, all-channels…); counting only the buckets
 * that already exist would make a channel's total disagree with its members' totals, and counting
 * into new buckets is what the bound must stop. A dropped event is counted nowhere, so every stored
 * total stays consistent; the loss is visible in the stats. The bound is soft by at most the
 * buckets of one event (one VoiceTime event may span several hours). So that a healthy store never
 * causes drops, a burst that fills half the bound while nothing is queued triggers a flush at once
 * instead of at the next interval.
 *
 * <h2>Shutdown</h2>
 * {@link #close()} stops the schedule, cuts what is left, and keeps trying to write every pending
 * batch until {@link FlushPolicy#closeDeadline()} passes; what could still not be written is logged
 * and returned in a {@link ShutdownReport}. Each write attempt is bounded by the store's own
 * timeouts; the deadline is checked between attempts.
 *
 * <h2>Parts</h2>
 * Three jobs, three places, each reached only through its own few methods: {@link Admission}
 * (counting or dropping events under the memory bound, cutting the open batch), {@link RetryQueue}
 * (writing cut batches in order, keeping a failed one for a retry with backoff) and this class, the
 * lifecycle: the scheduler thread, the periodic and early flushes, and close with its final flush.
 * All three log under this class's name.
 */
public final class MetricFlusher {

    private static final Logger log = LoggerFactory.getLogger(MetricFlusher.class);

    /** Waits between shutdown attempts; replaceable in tests so that they advance a clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final FlushPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;

    private final Admission admission;

    private final ReentrantLock flushLock = new ReentrantLock();
    /* used under flushLock only */
    private final RetryQueue queue;

    private final Object lifecycleLock = new Object();
    /* guarded by lifecycleLock */
    private ScheduledFuture<?> schedule;
    private ShutdownReport shutdownReport;

    private MetricFlusher(Builder b) {
        Objects.requireNonNull(b.store, "store");
        this.policy = b.policy;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.queue = new RetryQueue(b.store, b.policy, b.clock, b.random);
        this.admission = new Admission(b.policy, b.clock, b.batchIds, queue::lastFailure);
        if (b.scheduler != null) {
            this.scheduler = b.scheduler;
            this.ownsScheduler = false;
        } else {
            this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "serverpulse-metric-flusher");
                thread.setDaemon(true);
                return thread;
            });
            this.ownsScheduler = true;
        }
    }

    /** A flusher writing to {@code store} with {@link FlushPolicy#defaults()}, the system clock and its own scheduler thread. */
    public static Builder builder(MetricsStore store) {
        return new Builder(store);
    }

    /**
     * Counts one event into the open batch. Safe from any thread; never blocks on the store.
     *
     * @return true if counted; false if dropped because the memory bound is reached or the flusher
     *     is closed (the drop is counted in {@link FlushStats#eventsDropped()})
     */
    public boolean record(ActivityEvent event) {
        Objects.requireNonNull(event, "event");
        Admission.Outcome outcome = admission.admit(event);
        if (outcome == Admission.Outcome.COUNTED_FLUSH_NOW) {
            requestEarlyFlush();
        }
        return outcome != Admission.Outcome.DROPPED;
    }

    /** Events dropped since start, per guild (only guilds with drops). */
    public Map<Long, Long> droppedByGuild() {
        return admission.droppedByGuild();
    }

    /**
     * The store keeps up but the open batch already holds half the bound (a burst of many distinct
     * buckets): flush now on the scheduler instead of waiting for the interval, so that the bound
     * only drops events when the store cannot keep up.
     */
    private void requestEarlyFlush() {
        try {
            scheduler.execute(this::scheduledFlush);
        } catch (RejectedExecutionException e) {
            log.debug("Early flush not scheduled: the flusher is closing");
        }
    }

    /** Starts the scheduled flush every {@link FlushPolicy#interval()}. */
    public void start() {
        synchronized (lifecycleLock) {
            if (shutdownReport != null) {
                throw new IllegalStateException("the metric flusher is closed");
            }
            if (schedule != null) {
                throw new IllegalStateException("the metric flusher is already started");
            }
            long millis = policy.interval().toMillis();
            schedule = scheduler.scheduleWithFixedDelay(this::scheduledFlush, millis, millis, TimeUnit.MILLISECONDS);
        }
        log.info("Metric flusher started: every {} s, at most {} pending buckets",
                policy.interval().toSeconds(), policy.maxPendingBuckets());
    }

    /**
     * Writes now: first every pending batch in order (each with its own id), then, if all of them
     * were confirmed, what was aggregated since. Stops at the first failure and keeps that batch for
     * a retry. Ignores the backoff (the scheduled loop honours it).
     */
    public FlushResult flush() {
        flushLock.lock();
        try {
            return queue.flush(admission);
        } finally {
            flushLock.unlock();
        }
    }

    private void scheduledFlush() {
        try {
            if (!flushLock.tryLock()) {
                return;
            }
            try {
                if (queue.due(clock.instant())) {
                    queue.flush(admission);
                }
            } finally {
                flushLock.unlock();
            }
        } catch (RuntimeException e) {
            // an exception escaping a scheduled task would silently end the schedule
            log.error("Unexpected error in the scheduled metric flush; the schedule goes on", e);
        }
    }

    /**
     * Stops the schedule, then writes what is left, retrying with backoff until
     * {@link FlushPolicy#closeDeadline()}. Events recorded afterwards are dropped and counted.
     * Calling it again returns the first report. (Not {@link AutoCloseable}: the report is the point.)
     */
    public ShutdownReport close() {
        synchronized (lifecycleLock) {
            if (shutdownReport != null) {
                return shutdownReport;
            }
            admission.close();
            if (schedule != null) {
                schedule.cancel(false);
            }
            if (ownsScheduler) {
                scheduler.shutdown();
            }
            shutdownReport = finalFlush();
            return shutdownReport;
        }
    }

    private ShutdownReport finalFlush() {
        flushLock.lock();
        try {
            Instant deadline = clock.instant().plus(policy.closeDeadline());
            queue.resetBackoff(); // a fresh backoff sequence: the deadline is short
            while (!queue.writeAll(admission)) {
                Instant now = clock.instant();
                if (!now.isBefore(deadline)) {
                    break;
                }
                Duration wait = Duration.between(now, queue.nextAttemptAt());
                Duration left = Duration.between(now, deadline);
                try {
                    sleeper.sleep(wait.compareTo(left) < 0 ? wait : left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            List<MetricBatch> unwritten = queue.unwritten();
            long unwrittenEvents = queue.unwrittenEvents();
            ShutdownReport report = new ShutdownReport(unwritten, unwrittenEvents, admission.eventsDropped());
            if (!unwritten.isEmpty()) {
                log.error("Metric flusher closed with {} events in {} buckets NOT written (batches {}); last error: {}",
                        unwrittenEvents, report.unwrittenBuckets(),
                        unwritten.stream().map(MetricBatch::batchId).toList(), queue.lastFailure());
            } else {
                log.info("Metric flusher closed: {} events written in {} batches, {} dropped",
                        queue.eventsWritten(), queue.batchesApplied(), admission.eventsDropped());
            }
            if (ownsScheduler) {
                awaitScheduler();
            }
            return report;
        } finally {
            flushLock.unlock();
        }
    }

    private void awaitScheduler() {
        try {
            if (!scheduler.awaitTermination(1, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Current counters; cheap enough to call per status command. */
    public FlushStats stats() {
        return new FlushStats(admission.eventsRecorded(), admission.eventsDropped(), queue.eventsWritten(),
                queue.batchesApplied(), queue.bucketsWritten(), queue.retries(), queue.failedAttempts(),
                queue.pendingBatches(), admission.pendingBuckets(), queue.lastSuccessfulFlush(), queue.lastFailure());
    }

    public FlushPolicy policy() {
        return policy;
    }

    /** Builds a {@link MetricFlusher}; everything but the store has a production default. */
    public static final class Builder {
        private final MetricsStore store;
        private FlushPolicy policy = FlushPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private ScheduledExecutorService scheduler;
        private Sleeper sleeper = duration -> Thread.sleep(Math.max(0, duration.toMillis()));
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private Supplier<String> batchIds = () -> UUID.randomUUID().toString();

        private Builder(MetricsStore store) {
            this.store = store;
        }

        public Builder policy(FlushPolicy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Runs the schedule on {@code value}, which the caller owns (close() cancels the task, not the executor). */
        public Builder scheduler(ScheduledExecutorService value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** Source of jitter, uniform in [0, 1). */
        public Builder random(DoubleSupplier value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        public Builder batchIds(Supplier<String> value) {
            this.batchIds = Objects.requireNonNull(value, "batchIds");
            return this;
        }

        public MetricFlusher build() {
            return new MetricFlusher(this);
        }
    }
}
