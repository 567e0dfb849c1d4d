package io.serverpulse.collector.alerts;

import io.serverpulse.collector.gateway.GatewayGaps;
import io.serverpulse.common.alerts.AlertSink;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.detect.ActivityDropCheck;
import io.serverpulse.common.alerts.detect.ActivityDropWatch;
import io.serverpulse.common.metrics.flush.FlushResult;
import io.serverpulse.common.metrics.flush.MetricFlusher;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-hosted collector's hourly activity-drop check (docs/ARCHITECTURE.md, "Detect"): once an hour
 * boundary has passed, flush the aggregated counters (so the finished hour is in the store), then
 * run the {@link ActivityDropWatch} for that boundary in every guild this process serves and has
 * settings for, and hand its notices to the {@link AlertSink} (the {@link AlertDispatcher}, which
 * posts the embed and then stores them). Only served guilds are checked, so two scaled-out processes
 * never both alert for one guild. In the AWS mode the collector does not run this: there the check
 * is {@code alert-function}'s job, on its own schedule.
 *
 * <p>Two triggers, whichever comes first, deduplicated by hour: the scheduler's tick (real time,
 * {@link #tick}) and the time of the events the collector sees ({@link #eventAt}, called on JDA's
 * event thread: it only compares an hour and hands the work to the scheduler thread). Every check
 * runs on that one executor thread and is given its hour boundary explicitly; the clock is not read
 * again. Boundaries missed in between (an hour without events, a busy scheduler thread, a paused
 * machine) are checked in order, the last {@link #MAX_CATCH_UP_HOURS} at most; each reads only the
 * hours before its boundary, so a late check gives the same result as a timely one.
 *
 * <p>A window is only checked if this process was running during all of it (a window that began
 * before the start would look like a drop), and received all of it: a window overlapping a stretch
 * whose events the gateway never delivered ({@link GatewayGaps}: a shard that could not resume, as
 * in a Discord outage) is skipped, and while a shard is away the check waits until it is back. If
 * many guilds would open a drop in the same hour ({@link ActivityDropWatch#suspectedOutage}), none
 * is opened: that is a collection outage, not communities going quiet. If the flush does not write everything (the store is
 * down), the boundary is not checked yet but retried at a trigger at least 30 s later, rather than
 * checked on incomplete counts.
 */
public final class ActivityDropSchedule {

    /** At most a baseline's worth of missed boundaries is caught up (a machine that slept for longer). */
    static final int MAX_CATCH_UP_HOURS = ActivityDropCheck.DAYS * 24;

    private static final Logger log = LoggerFactory.getLogger(ActivityDropSchedule.class);
    private static final long HOUR_SECONDS = 3_600;

    private final ActivityDropWatch watch;
    private final MetricFlusher flusher;
    private final Supplier<long[]> servedGuilds;
    private final LongFunction<Optional<GuildSettings>> settings;
    private final AlertSink sink;
    private final Executor executor;
    private final Instant startedAt;
    private final GatewayGaps gaps;
    private final Duration flushRetry;
    /** The latest hour (seconds since the epoch / 3600) an event asked to be checked. */
    private final AtomicLong requested = new AtomicLong(Long.MIN_VALUE);
    /** The last boundary checked; written on the executor thread only. */
    private volatile Instant checked;
    private Instant warnedFlushFor;
    private Instant skippedFor;
    /** System.nanoTime() before which a failed flush is not tried again here. */
    private long flushRetryAt = System.nanoTime();

    /**
     * @param servedGuilds the ids of the guilds this process's shards have right now
     * @param settings a guild's settings, empty if they cannot be read
     * @param executor the one thread that runs every check (the collector's scheduler)
     * @param startedAt when this process began collecting
     */
    public ActivityDropSchedule(ActivityDropWatch watch, MetricFlusher flusher, Supplier<long[]> servedGuilds,
            LongFunction<Optional<GuildSettings>> settings, AlertSink sink, Executor executor, Instant startedAt,
            GatewayGaps gaps) {
        this(watch, flusher, servedGuilds, settings, sink, executor, startedAt, gaps, Duration.ofSeconds(30));
    }

    ActivityDropSchedule(ActivityDropWatch watch, MetricFlusher flusher, Supplier<long[]> servedGuilds,
            LongFunction<Optional<GuildSettings>> settings, AlertSink sink, Executor executor, Instant startedAt,
            GatewayGaps gaps, Duration flushRetry) {
        this.flushRetry = flushRetry;
        this.gaps = Objects.requireNonNull(gaps, "gaps");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.flusher = Objects.requireNonNull(flusher, "flusher");
        this.servedGuilds = Objects.requireNonNull(servedGuilds, "servedGuilds");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.checked = startedAt.truncatedTo(ChronoUnit.HOURS);
    }

    /** The last hour boundary checked (when this process started, until the first check). */
    public Instant checkedUpTo() {
        return checked;
    }

    /** An event of time {@code at} was recorded: if it is in a later hour than any before, check up to that hour's start. */
    public void eventAt(Instant at) {
        long hour = Math.floorDiv(at.getEpochSecond(), HOUR_SECONDS);
        if (hour <= requested.get() || hour <= requested.getAndAccumulate(hour, Math::max)) {
            return;
        }
        Instant boundary = Instant.ofEpochSecond(hour * HOUR_SECONDS);
        try {
            executor.execute(() -> guarded(boundary));
        } catch (RejectedExecutionException e) {
            log.debug("Activity-drop check for {} not scheduled: the collector is stopping", boundary);
        }
    }

    /** The scheduler's tick, on the executor thread: checks up to the start of {@code now}'s hour. */
    public void tick(Instant now) {
        checkUpTo(now.truncatedTo(ChronoUnit.HOURS));
    }

    private void guarded(Instant boundary) {
        try {
            checkUpTo(boundary);
        } catch (RuntimeException e) {
            log.warn("Activity-drop check up to {} failed: {}", boundary, e.toString());
        }
    }

    /** Checks every boundary after the last one checked up to {@code boundary}; on the executor thread only. */
    void checkUpTo(Instant boundary) {
        if (!boundary.isAfter(checked)) {
            return;
        }
        Instant first = checked.plus(Duration.ofHours(1));
        Instant oldest = boundary.minus(Duration.ofHours(MAX_CATCH_UP_HOURS - 1));
        if (first.isBefore(oldest)) {
            log.warn("Activity-drop checks for {} hours were missed; checking the last {} only",
                    Duration.between(checked, boundary).toHours(), MAX_CATCH_UP_HOURS);
            first = oldest;
        }
        if (System.nanoTime() - flushRetryAt < 0) {
            return;
        }
        Optional<Instant> away = gaps.awaySince();
        if (away.isPresent() && away.get().isBefore(boundary)) {
            // a shard is reconnecting: whether it resumes (nothing lost) or not decides what the hours mean
            log.debug("Activity-drop check for the hour ending {} waits: the gateway has been away since {}", boundary, away.get());
            return;
        }
        FlushResult flushed = flusher.flush();
        if (flushed.failed() || flushed.pendingBatches() > 0) {
            // the flusher retries on its own backoff; do not add a write every tick meanwhile
            flushRetryAt = System.nanoTime() + flushRetry.toNanos();
            if (!boundary.equals(warnedFlushFor)) {
                warnedFlushFor = boundary;
                log.warn("Activity-drop check for the hour ending {} postponed: {} metric batches are not written yet",
                        boundary, flushed.pendingBatches());
            }
            return;
        }
        for (Instant at = first; !at.isAfter(boundary); at = at.plus(Duration.ofHours(1))) {
            checkGuilds(at);
            checked = at;
        }
    }

    private void checkGuilds(Instant boundary) {
        List<ActivityDropWatch.Decision> decisions = new ArrayList<>();
        for (long guildId : servedGuilds.get()) {
            Optional<GuildSettings> guild = settings.apply(guildId);
            if (guild.isEmpty()) {
                continue;
            }
            int hours = ActivityDropCheck.windowHours(guild.get().alert(AlertType.ACTIVITY_DROP));
            Instant from = boundary.minus(Duration.ofHours(hours));
            if (from.isBefore(startedAt)) {
                continue;
            }
            Optional<GatewayGaps.Gap> lost = gaps.lostIn(from, boundary);
            if (lost.isPresent()) {
                if (!boundary.equals(skippedFor)) {
                    skippedFor = boundary;
                    log.info("Activity-drop check for the hour ending {} skipped: the gateway missed the events of {} to {}",
                            boundary, lost.get().from(), lost.get().to());
                }
                continue;
            }
            try {
                decisions.add(watch.evaluate(guild.get(), boundary));
            } catch (RuntimeException e) {
                log.warn("Activity-drop check of guild {} for the hour ending {} failed: {}", guildId, boundary, e.toString());
            }
        }
        watch.commitAll(decisions, (decision, e) -> log.warn("Activity-drop check of guild {} for the hour ending {} failed: {}",
                decision.settings().guildId(), boundary, e.toString())).notices().forEach(sink::deliver);
    }
}
