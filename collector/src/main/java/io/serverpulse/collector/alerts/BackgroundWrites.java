package io.serverpulse.collector.alerts;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store writes of the alert path, done after the post and off its threads, so that an alert
 * never waits for the store (whose one writer may be busy with a long bulk write of metrics): the
 * alert records and the update channel the poster found or created. One thread writes them in the
 * order they were handed over (an incident's OPENED record before its ENDED one), each tried
 * {@link #ATTEMPTS} times with a doubling pause; one that still fails is logged and counted. At
 * most {@link #CAPACITY} writes wait; beyond that a write is dropped, logged and counted.
 */
public final class BackgroundWrites implements AutoCloseable {

    public static final int CAPACITY = 2_000;
    public static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(BackgroundWrites.class);
    private static final Write STOP = new Write("stop", () -> { });

    private record Write(String what, Runnable action) {
    }

    /** Writes handed over, done, given up after {@link #ATTEMPTS}, dropped (queue full or closed), and waiting. */
    public record Stats(long accepted, long written, long failed, long dropped, int waiting) {
    }

    private final Duration firstPause;
    private final BlockingQueue<Write> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread worker;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    public BackgroundWrites(Duration firstPause) {
        this.firstPause = Objects.requireNonNull(firstPause, "firstPause");
        this.worker = new Thread(this::run, "serverpulse-alert-writes");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a write; returns at once. {@code what} names it in the log (ids only). */
    public void submit(String what, Runnable write) {
        Objects.requireNonNull(write, "write");
        if (closed || !queue.offer(new Write(what, write))) {
            dropped.incrementAndGet();
            log.error("Could not {}: {}", what, closed ? "shutting down" : CAPACITY + " writes are already waiting");
            return;
        }
        accepted.incrementAndGet();
    }

    private void run() {
        while (true) {
            Write write;
            try {
                write = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (write == STOP) {
                return;
            }
            if (attempt(write)) {
                written.incrementAndGet();
            } else {
                failed.incrementAndGet();
                log.error("Could not {} after {} attempts", write.what(), ATTEMPTS);
            }
        }
    }

    private boolean attempt(Write write) {
        Duration pause = firstPause;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                write.action().run();
                return true;
            } catch (RuntimeException e) {
                log.warn("Could not {} (attempt {} of {}): {}", write.what(), attempt, ATTEMPTS, e.toString());
                if (attempt < ATTEMPTS && !sleep(pause)) {
                    return false;
                }
                pause = pause.multipliedBy(2);
            }
        }
        return false;
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Stats stats() {
        return new Stats(accepted.get(), written.get(), failed.get(), dropped.get(), queue.size());
    }

    /** Stops accepting; waits up to {@code deadline} for the queued writes. */
    public void close(Duration deadline) {
        closed = true;
        long until = System.nanoTime() + deadline.toNanos();
        try {
            if (!queue.offer(STOP, deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.interrupt();
            }
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            if (worker.isAlive()) {
                log.error("{} alert-path writes were not done before shutdown", queue.size());
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
