package io.serverpulse.common.metrics.flush;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batches cut and not yet confirmed by the store, written in order, each with its own id: a
 * failed write keeps its batch at the head, to be retried after an exponential backoff
 * ({@link FlushPolicy#backoffAfter}, capped, with optional jitter), and nothing newer is written
 * before it. Counts what was written and what failed.
 *
 * <p>Not thread-safe: the {@link MetricFlusher} calls it under its flush lock only. The counters
 * ({@link #lastFailure()}, {@link #pendingBatches()}, the written totals) may be read from any thread.
 */
final class RetryQueue {

    private static final Logger log = LoggerFactory.getLogger(MetricFlusher.class);

    private final MetricsStore store;
    private final FlushPolicy policy;
    private final Clock clock;
    private final DoubleSupplier random;

    /** A cut batch waiting to be confirmed by the store, with how many events it carries and how often it was tried. */
    private static final class PendingBatch {
        final MetricBatch batch;
        final long events;
        int attempts;

        PendingBatch(MetricBatch batch, long events) {
            this.batch = batch;
            this.events = events;
        }
    }

    private final ArrayDeque<PendingBatch> queue = new ArrayDeque<>();
    private int consecutiveFailures;
    private Instant nextAttemptAt = Instant.MIN;

    private final AtomicLong eventsWritten = new AtomicLong();
    private final AtomicLong batchesApplied = new AtomicLong();
    private final AtomicLong bucketsWritten = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private volatile int pendingBatches;
    private volatile Instant lastSuccessfulFlush;
    private volatile String lastFailure;

    RetryQueue(MetricsStore store, FlushPolicy policy, Clock clock, DoubleSupplier random) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Writes every queued batch in order, then, if all were confirmed, the batch cut from
     * {@code admission} now. Stops at the first failure and keeps that batch for a retry.
     */
    FlushResult flush(Admission admission) {
        int applied = 0;
        long events = 0;
        while (!queue.isEmpty()) {
            PendingBatch head = queue.peekFirst();
            if (!attempt(head, admission)) {
                return new FlushResult(applied, events, queue.size(), true);
            }
            applied++;
            events += head.events;
        }
        PendingBatch next = enqueue(admission.cut());
        if (next != null) {
            if (!attempt(next, admission)) {
                return new FlushResult(applied, events, queue.size(), true);
            }
            applied++;
            events += next.events;
        }
        return new FlushResult(applied, events, queue.size(), false);
    }

    /** Whether a scheduled flush may write now: nothing is waiting for its backoff to pass. */
    boolean due(Instant now) {
        return queue.isEmpty() || !now.isBefore(nextAttemptAt);
    }

    /**
     * Queues the batch cut from {@code admission} now and writes the queue in order until a write
     * fails; returns whether the queue is empty (everything confirmed). Ignores the backoff.
     */
    boolean writeAll(Admission admission) {
        enqueue(admission.cut());
        boolean failed = false;
        while (!queue.isEmpty() && !failed) {
            failed = !attempt(queue.peekFirst(), admission);
        }
        return queue.isEmpty();
    }

    /** When the head may be retried, after the last failure's backoff. */
    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** Starts a fresh backoff sequence (for the short shutdown deadline). */
    void resetBackoff() {
        consecutiveFailures = 0;
    }

    /** The batches still waiting, oldest first. */
    List<MetricBatch> unwritten() {
        return queue.stream().map(pending -> pending.batch).toList();
    }

    /** The events the waiting batches count. */
    long unwrittenEvents() {
        return queue.stream().mapToLong(pending -> pending.events).sum();
    }

    private PendingBatch enqueue(Admission.Cut cut) {
        if (cut == null) {
            return null;
        }
        if (cut.batch().isEmpty()) {
            // e.g. a zero-length voice session: counted, with nothing to write
            eventsWritten.addAndGet(cut.events());
            return null;
        }
        PendingBatch pending = new PendingBatch(cut.batch(), cut.events());
        queue.addLast(pending);
        pendingBatches = queue.size();
        return pending;
    }

    /** One write of the queue's head; on success it leaves the queue and its buckets are released. */
    private boolean attempt(PendingBatch pending, Admission admission) {
        if (pending.attempts > 0) {
            retries.incrementAndGet();
        }
        pending.attempts++;
        try {
            store.apply(pending.batch);
        } catch (RuntimeException e) {
            failedAttempts.incrementAndGet();
            consecutiveFailures++;
            Duration wait = jittered(policy.backoffAfter(consecutiveFailures));
            nextAttemptAt = clock.instant().plus(wait);
            lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (e instanceof StoreException) {
                log.warn("Could not write metric batch {} ({} buckets, attempt {}): {}; kept for a retry in {} ms",
                        pending.batch.batchId(), pending.batch.size(), pending.attempts, e.getMessage(), wait.toMillis());
            } else {
                log.error("Unexpected error writing metric batch {} (attempt {}); kept for a retry in {} ms",
                        pending.batch.batchId(), pending.attempts, wait.toMillis(), e);
            }
            return false;
        }
        queue.removeFirst();
        pendingBatches = queue.size();
        admission.release(pending.batch.size());
        consecutiveFailures = 0;
        nextAttemptAt = Instant.MIN;
        lastFailure = null;
        lastSuccessfulFlush = clock.instant();
        batchesApplied.incrementAndGet();
        bucketsWritten.addAndGet(pending.batch.size());
        eventsWritten.addAndGet(pending.events);
        if (pending.attempts > 1) {
            log.info("Wrote metric batch {} ({} buckets, {} events) after {} attempts",
                    pending.batch.batchId(), pending.batch.size(), pending.events, pending.attempts);
        }
        return true;
    }

    private Duration jittered(Duration wait) {
        if (policy.jitter() == 0) {
            return wait;
        }
        double keep = 1 - policy.jitter() * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * keep)));
    }

    int pendingBatches() {
        return pendingBatches;
    }

    String lastFailure() {
        return lastFailure;
    }

    Instant lastSuccessfulFlush() {
        return lastSuccessfulFlush;
    }

    long eventsWritten() {
        return eventsWritten.get();
    }

    long batchesApplied() {
        return batchesApplied.get();
    }

    long bucketsWritten() {
        return bucketsWritten.get();
    }

    long retries() {
        return retries.get();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }
}
