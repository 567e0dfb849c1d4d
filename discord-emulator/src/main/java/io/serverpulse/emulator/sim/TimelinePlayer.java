package io.serverpulse.emulator.sim;

import io.serverpulse.emulator.timeline.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a timeline into a sink (the emulator's gateway, or a test's collector) in time order,
 * either as fast as the sink accepts events (the sink blocks while the bot catches up, so a week
 * replays in seconds) or paced in real time, optionally sped up. Before each event the
 * {@link #clock()} moves to the event's timestamp, so the bot sees simulated time.
 */
public final class TimelinePlayer {

    private static final Logger LOG = LoggerFactory.getLogger(TimelinePlayer.class);

    /** Receives each event in turn; returns when the event is handed on (block here to apply back-pressure). */
    @FunctionalInterface
    public interface Sink {
        void accept(TimelineEvent event) throws InterruptedException;
    }

    /** Wall-clock time and waiting, replaceable in tests. */
    interface Ticker {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    private static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    private final double speed;
    private final Ticker ticker;
    private final SimulatedClock clock;
    private volatile boolean stopped;

    TimelinePlayer(double speed, Instant start, Ticker ticker) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        this.speed = speed;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.clock = new SimulatedClock(Objects.requireNonNull(start, "start"));
    }

    /** Plays every event as soon as the sink has taken the previous one. */
    public static TimelinePlayer asFastAsPossible(Instant start) {
        return new TimelinePlayer(Double.POSITIVE_INFINITY, start, SYSTEM);
    }

    /**
     * Keeps the gaps between events, divided by {@code speed}: 1 is real time, 3600 plays an hour
     * per second. If the sink falls behind, the player does not skip: it plays late events at once.
     */
    public static TimelinePlayer realTime(Instant start, double speed) {
        return new TimelinePlayer(speed, start, SYSTEM);
    }

    /** Simulated time: the timestamp of the event being played (the start before the first). */
    public SimulatedClock clock() {
        return clock;
    }

    /** Stops a running {@link #play} after the event in hand; callable from any thread. */
    public void stop() {
        stopped = true;
    }

    /**
     * Plays {@code events} (in time order) into {@code sink}; returns how many were played, fewer than
     * all only if {@link #stop()} was called.
     */
    public int play(List<TimelineEvent> events, Sink sink) throws InterruptedException {
        if (events.isEmpty()) {
            return 0;
        }
        Instant first = events.get(0).at();
        long wallStart = ticker.nanoTime();
        int played = 0;
        Instant previous = first;
        for (TimelineEvent event : events) {
            if (stopped) {
                break;
            }
            if (event.at().isBefore(previous)) {
                throw new IllegalArgumentException("events out of time order at index " + played + ": " + event.at()
                        + " after " + previous);
            }
            previous = event.at();
            if (Double.isFinite(speed)) {
                long dueNanos = (long) (Duration.between(first, event.at()).toNanos() / speed);
                long wait = wallStart + dueNanos - ticker.nanoTime();
                if (wait > 0) {
                    ticker.sleepNanos(wait);
                }
            }
            clock.advanceTo(event.at());
            sink.accept(event);
            played++;
        }
        LOG.debug("played {} of {} events", played, events.size());
        return played;
    }
}
