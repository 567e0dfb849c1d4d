package io.serverpulse.collector.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's one scheduler thread ({@code serverpulse-scheduler}): alert ticks, hourly checks,
 * member event flushes and cache refreshes. A task that fails is logged and runs again at its next
 * turn.
 */
final class PeriodicTasks {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTasks.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "serverpulse-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Runs {@code task} every {@code interval}, the first time one interval from now. */
    void every(Duration interval, String what, Runnable task) {
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Scheduled {} failed: {}", what, e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    void shutdownNow() {
        scheduler.shutdownNow();
    }
}
