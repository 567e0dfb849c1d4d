package io.serverpulse.emulator.gateway;

import io.serverpulse.emulator.timeline.TimelineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A timeline being played on its own thread, in list order. Paced by simulated time at a
 * {@link PlaybackSpeed}, or unpaced: then each event waits only until no connected client has
 * more than a small window of unread dispatches, so playback goes as fast as the bot keeps up.
 */
public final class Playback {

    private static final Logger LOG = LoggerFactory.getLogger(Playback.class);

    /** Unread dispatches allowed per connection before unpaced playback waits for the client. */
    static final int WINDOW = 32;

    private final List<TimelineEvent> events;
    private final PlaybackSpeed speed;
    private final TimelineApplier applier;
    private final GatewayHub hub;
    private final AtomicInteger played = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean cancelled;

    public Playback(List<TimelineEvent> events, PlaybackSpeed speed, TimelineApplier applier, GatewayHub hub) {
        this.events = List.copyOf(events);
        this.speed = speed;
        this.applier = applier;
        this.hub = hub;
        this.thread = new Thread(this::run, "timeline-playback");
        this.thread.setDaemon(true);
    }

    public Playback start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            long wallStart = System.nanoTime();
            Instant simStart = events.isEmpty() ? null : events.get(0).at();
            for (TimelineEvent event : events) {
                if (cancelled) {
                    return;
                }
                if (!speed.unpaced()) {
                    long dueNanos = wallStart + (long) (Duration.between(simStart, event.at()).toNanos() / speed.factor());
                    long wait;
                    while (!cancelled && (wait = dueNanos - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (cancelled) {
                        return;
                    }
                }
                applier.apply(event);
                played.incrementAndGet();
                while (!cancelled && hub.maxBacklog() > WINDOW) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("timeline playback stopped after {} events: {}", played.get(), e.getMessage());
        } finally {
            done.countDown();
        }
    }

    /** Waits until every event has been applied and dispatched (or playback failed or was cancelled). */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean finished() {
        return done.getCount() == 0;
    }

    /** How many events have been applied and dispatched so far. */
    public int played() {
        return played.get();
    }

    public int total() {
        return events.size();
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    public void cancel() {
        cancelled = true;
        thread.interrupt();
    }
}
