package io.serverpulse.collector.retention;

import io.serverpulse.common.retention.RetentionRestamper;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention, on a thread of its own ({@code serverpulse-retention}) so that neither the alert ticks
 * nor the gateway ever wait for it:
 * <ul>
 *   <li>the sweep ({@link Store#sweepExpired}) a minute after start and then every hour, in both
 *       modes (MongoDB's TTL indexes delete in the background too; the sweep makes retention exact,
 *       and it is all SQLite has); it works in short steps, so flushes go on meanwhile;</li>
 *   <li>re-stamping ({@link RetentionRestamper}) a guild's rows when its retention in force changed
 *       ({@link #settingsChanged}: a {@code /set-retention} seen through the settings cache, in this
 *       process or, in the AWS mode, saved by the interactions function), and once for every guild
 *       this process serves a little after start, which finishes a re-stamp a restart interrupted
 *       and applies a changed {@code RETENTION_*} default to existing rows. A guild whose retention
 *       changes again while it is being re-stamped starts over; a failed run is tried again later.</li>
 * </ul>
 */
public final class RetentionMaintenance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetentionMaintenance.class);

    /** When and how fast: sweeps, the check after start, and the pause between two re-stamp steps. */
    public record Schedule(Duration firstSweep, Duration sweepEvery, Duration firstCheck, Duration stepPause,
                           Duration retryAfter) {

        public static Schedule defaults() {
            return new Schedule(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofMillis(20),
                    Duration.ofMinutes(5));
        }
    }

    private final Store store;
    private final Clock clock;
    private final Schedule schedule;
    private final RetentionRestamper restamper;
    private final ScheduledExecutorService executor;
    /** Guild id → the latest re-stamp asked for; an older run stops when a newer one is asked for. */
    private final ConcurrentHashMap<Long, Long> wanted = new ConcurrentHashMap<>();
    private final AtomicLong sweeps = new AtomicLong();
    private final AtomicLong swept = new AtomicLong();
    private final AtomicLong restamped = new AtomicLong();
    private volatile boolean closed;

    public RetentionMaintenance(Store store, Clock clock, Schedule schedule) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.restamper = new RetentionRestamper(store);
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "serverpulse-retention");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Schedules the sweeps and the check of the guilds {@code servedGuilds} names (asked when the check runs). */
    public void start(Supplier<long[]> servedGuilds) {
        executor.scheduleWithFixedDelay(this::sweepGuarded, schedule.firstSweep().toMillis(), schedule.sweepEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        executor.schedule(() -> {
            for (long guildId : servedGuilds.get()) {
                restampSoon(guildId);
            }
        }, schedule.firstCheck().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** For the settings cache: re-stamps the guild when the retention in force changed. */
    public void settingsChanged(GuildSettings before, GuildSettings after) {
        if (!store.retentionPolicy().inForce(before).equals(store.retentionPolicy().inForce(after))) {
            restampSoon(after.guildId());
        }
    }

    /** Re-stamps the guild's rows on the retention thread, after what is queued there. */
    public void restampSoon(long guildId) {
        long run = wanted.merge(guildId, 1L, Long::sum);
        submit(() -> restamp(guildId, run), Duration.ZERO);
    }

    /** Deletes the expired rows now (on the caller's thread); returns how many. */
    public long sweepNow() {
        long started = System.nanoTime();
        long deleted = store.sweepExpired(clock.instant());
        sweeps.incrementAndGet();
        swept.addAndGet(deleted);
        if (deleted > 0) {
            log.info("Retention sweep deleted {} expired rows in {} ms", deleted, (System.nanoTime() - started) / 1_000_000);
        }
        return deleted;
    }

    public long sweeps() {
        return sweeps.get();
    }

    public long rowsSwept() {
        return swept.get();
    }

    public long rowsRestamped() {
        return restamped.get();
    }

    /** True when no re-stamp is queued or running (tests). */
    public boolean idle() {
        java.util.concurrent.CompletableFuture<Boolean> probe = new java.util.concurrent.CompletableFuture<>();
        try {
            executor.execute(() -> probe.complete(Boolean.TRUE));
            return probe.get(30, TimeUnit.SECONDS);
        } catch (RejectedExecutionException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void restamp(long guildId, long run) {
        if (closed || wanted.getOrDefault(guildId, 0L) != run) {
            return;
        }
        try {
            RetentionRestamper.Outcome outcome = restamper.restamp(guildId,
                    () -> closed || wanted.getOrDefault(guildId, 0L) != run,
                    () -> Thread.sleep(schedule.stepPause().toMillis()));
            restamped.addAndGet(outcome.restamped());
        } catch (RuntimeException e) {
            log.warn("Re-stamping the rows of guild {} failed ({}); trying again in {} s", guildId, e.getMessage(),
                    schedule.retryAfter().toSeconds());
            submit(() -> restamp(guildId, run), schedule.retryAfter());
        }
    }

    private void sweepGuarded() {
        try {
            sweepNow();
        } catch (RuntimeException e) {
            log.warn("Retention sweep failed ({}); trying again at the next one", e.getMessage());
        }
    }

    private void submit(Runnable task, Duration delay) {
        if (closed) {
            return;
        }
        try {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Retention work not scheduled: shutting down");
        }
    }

    /** Stops: a running step finishes, nothing else starts. */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
