package io.serverpulse.collector.alerts;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertSink;
import io.serverpulse.common.alerts.AlertStore;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's {@link AlertSink}: the detector hands a notice over and returns at once; one
 * worker thread then, in order, saves the record to the {@link AlertStore} (OPENED inserts it, ENDED
 * replaces it under the same id) and hands the notice to the {@link AlertPublisher}. Each step is
 * tried {@link #ATTEMPTS} times with a doubling pause; a record that still cannot be saved is
 * published anyway (an admin learning of a raid matters more than the stored copy), and the
 * failure is logged.
 *
 * <p>At most {@link #QUEUE_CAPACITY} notices wait; beyond that (Discord and the database both
 * stuck for a long time) new notices are dropped, logged and counted. {@link #close()} stops
 * accepting and lets the worker finish what is queued, within a deadline.
 */
public final class AlertDispatcher implements AlertSink, AutoCloseable {

    public static final int QUEUE_CAPACITY = 1_000;
    public static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    /** Put on the queue by close(): the worker stops when it reaches it. */
    private static final AlertNotice STOP = AlertNotice.opened(
            new AlertRecord("stop", 1, AlertType.JOIN_RAID, Severity.INFO, Instant.EPOCH, null, null, 0, 0, ""));

    private final AlertStore store;
    private final AlertPublisher publisher;
    private final Duration firstPause;
    private final BlockingQueue<AlertNotice> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread worker;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closed;

    public AlertDispatcher(AlertStore store, AlertPublisher publisher) {
        this(store, publisher, Duration.ofSeconds(1));
    }

    AlertDispatcher(AlertStore store, AlertPublisher publisher, Duration firstPause) {
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.firstPause = firstPause;
        this.worker = new Thread(this::run, "serverpulse-alerts");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public void deliver(AlertNotice notice) {
        Objects.requireNonNull(notice, "notice");
        if (closed || !queue.offer(notice)) {
            dropped.incrementAndGet();
            log.error("Alert {} {} for guild {} dropped: {}", notice.alert().type(), notice.kind(), notice.alert().guildId(),
                    closed ? "the collector is shutting down" : QUEUE_CAPACITY + " alerts are already waiting");
            return;
        }
        delivered.incrementAndGet();
    }

    private void run() {
        while (true) {
            AlertNotice notice;
            try {
                notice = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (notice == STOP) {
                return;
            }
            handle(notice);
        }
    }

    private void handle(AlertNotice notice) {
        AlertRecord alert = notice.alert();
        boolean saved = attempt("save alert " + alert.id(), () -> store.saveAlert(alert));
        if (!saved) {
            log.error("Alert {} ({} {}) could not be stored; publishing it anyway", alert.id(), alert.type(), notice.kind());
        }
        if (attempt("publish alert " + alert.id() + " " + notice.kind(), () -> publisher.publish(notice))) {
            published.incrementAndGet();
        } else {
            failed.incrementAndGet();
            log.error("Alert {} ({} {}) could not be published after {} attempts", alert.id(), alert.type(), notice.kind(), ATTEMPTS);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private boolean attempt(String what, Step step) {
        Duration pause = firstPause;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                step.run();
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                log.warn("Could not {} (attempt {} of {}): {}", what, attempt, ATTEMPTS, e.toString());
                if (attempt < ATTEMPTS) {
                    try {
                        Thread.sleep(pause.toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                    pause = pause.multipliedBy(2);
                }
            }
        }
        return false;
    }

    /** Notices accepted, published, dropped (queue full or closed) and given up on. */
    public Stats stats() {
        return new Stats(delivered.get(), published.get(), dropped.get(), failed.get(), queue.size());
    }

    public record Stats(long accepted, long published, long dropped, long failed, int waiting) {
    }

    /** Stops accepting; waits up to {@code deadline} for the queued notices to be handled. */
    public void close(Duration deadline) {
        closed = true;
        try {
            if (!queue.offer(STOP, deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.interrupt();
            }
            worker.join(deadline.toMillis());
            if (worker.isAlive()) {
                log.error("{} alerts were not handled before shutdown", queue.size());
                worker.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
