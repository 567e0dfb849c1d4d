package io.serverpulse.collector.alerts;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertSink;
import io.serverpulse.common.alerts.AlertStore;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's {@link AlertSink}: the detector hands a notice over and returns at once. Each
 * guild's notices are then handed to the {@link AlertPublisher} (posted, or handed to
 * {@code alert-function}) one at a time and in order, on that guild's lane ({@link GuildLanes}, a
 * small pool), so an incident's OPENED goes before its ENDED while guilds go on independently: a
 * rate limit on one guild's channel never delays another guild's alert. Publishing is tried
 * {@link #ATTEMPTS} times with a doubling pause. Only after it is the record saved to the
 * {@link AlertStore} (OPENED inserts it, ENDED replaces it under the same id), by
 * {@link BackgroundWrites}, off the lanes: an alert never waits for the store, which may be busy
 * with a long bulk write of metrics. A notice that could not be published is still stored.
 *
 * <p>At most {@link #QUEUE_CAPACITY} notices wait; beyond that (Discord stuck for a long time) new
 * notices are dropped, logged and counted. {@link #close()} stops accepting and lets the lanes,
 * then the writes, finish what they hold, within a deadline.
 */
public final class AlertDispatcher implements AlertSink, AutoCloseable {

    public static final int QUEUE_CAPACITY = 1_000;
    public static final int ATTEMPTS = 3;
    /** Threads for the guilds' lanes: how many guilds can wait on Discord at once before others queue. */
    public static final int LANE_THREADS = 16;

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final AlertStore store;
    private final AlertPublisher publisher;
    private final BackgroundWrites writes;
    private final Duration firstPause;
    private final GuildLanes lanes;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closed;

    public AlertDispatcher(AlertStore store, AlertPublisher publisher) {
        this(store, publisher, new BackgroundWrites(Duration.ofSeconds(1)));
    }

    /** @param writes where the records are saved; closed by {@link #close(Duration)} after the lanes */
    public AlertDispatcher(AlertStore store, AlertPublisher publisher, BackgroundWrites writes) {
        this(store, publisher, writes, Duration.ofSeconds(1), LANE_THREADS);
    }

    AlertDispatcher(AlertStore store, AlertPublisher publisher, BackgroundWrites writes, Duration firstPause, int laneThreads) {
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.firstPause = Objects.requireNonNull(firstPause, "firstPause");
        this.lanes = new GuildLanes(laneThreads, "serverpulse-alerts");
    }

    @Override
    public void deliver(AlertNotice notice) {
        Objects.requireNonNull(notice, "notice");
        AlertRecord alert = notice.alert();
        if (closed) {
            drop(notice, "the collector is shutting down");
            return;
        }
        if (waiting.incrementAndGet() > QUEUE_CAPACITY) {
            waiting.decrementAndGet();
            drop(notice, QUEUE_CAPACITY + " alerts are already waiting");
            return;
        }
        boolean queued = lanes.submit(alert.guildId(), () -> {
            try {
                handle(notice);
            } finally {
                waiting.decrementAndGet();
            }
        });
        if (!queued) {
            waiting.decrementAndGet();
            drop(notice, "the collector is shutting down");
            return;
        }
        accepted.incrementAndGet();
    }

    private void drop(AlertNotice notice, String why) {
        dropped.incrementAndGet();
        log.error("Alert {} {} for guild {} dropped: {}", notice.alert().type(), notice.kind(),
                Long.toUnsignedString(notice.alert().guildId()), why);
    }

    private void handle(AlertNotice notice) {
        AlertRecord alert = notice.alert();
        if (publish(notice)) {
            published.incrementAndGet();
        } else {
            failed.incrementAndGet();
            log.error("Alert {} ({} {}) could not be published {}", alert.id(), alert.type(), notice.kind(),
                    Thread.currentThread().isInterrupted() ? "before the shutdown deadline" : "after " + ATTEMPTS + " attempts");
        }
        writes.submit("save alert " + alert.id() + " " + notice.kind(), () -> store.saveAlert(alert));
    }

    private boolean publish(AlertNotice notice) {
        String what = "publish alert " + notice.alert().id() + " " + notice.kind();
        Duration pause = firstPause;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                publisher.publish(notice);
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

    /** Notices accepted, published, dropped (queue full or closed), given up on, and waiting. */
    public Stats stats() {
        return new Stats(accepted.get(), published.get(), dropped.get(), failed.get(), waiting.get());
    }

    public record Stats(long accepted, long published, long dropped, long failed, int waiting) {
    }

    /**
     * Stops accepting; waits up to {@code deadline} for the queued notices to be published (then
     * interrupts what still waits on Discord and drops what waits behind it, counted), then for their
     * records to be written (at least one more second for those).
     */
    public void close(Duration deadline) {
        closed = true;
        long until = System.nanoTime() + deadline.toNanos();
        int unhandled = lanes.close(deadline, Duration.ofSeconds(1));
        if (unhandled >= 0) {
            dropped.addAndGet(unhandled);
            waiting.addAndGet(-unhandled);
            log.error("The shutdown deadline passed while alerts were still being posted; {} waiting behind them were dropped", unhandled);
        }
        writes.close(Duration.ofNanos(Math.max(until - System.nanoTime(), Duration.ofSeconds(1).toNanos())));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
