package io.serverpulse.common.metrics.flush;

import io.serverpulse.common.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded scheduler driven by the test: {@link #advance} moves a {@link MutableClock} and
 * runs, on the test's thread, every task that falls due on the way, in time order.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private boolean shutdown;

    ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** Moves time forward by {@code duration}, running due tasks at their due times. */
    void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (true) {
            Task next = tasks.stream().filter(t -> !t.cancelled && !t.dueAt.isAfter(end))
                    .min(Comparator.comparing(t -> t.dueAt)).orElse(null);
            if (next == null) {
                break;
            }
            clock.set(next.dueAt);
            next.command.run();
            if (next.period == null) {
                tasks.remove(next);
                next.done = true;
            } else {
                next.dueAt = clock.instant().plus(next.period);
            }
        }
        clock.set(end);
    }

    int activeTasks() {
        return (int) tasks.stream().filter(t -> !t.cancelled && !t.done).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(command, delay, null, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the code under test");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(command, initialDelay, delay, unit);
    }

    private Task add(Runnable command, long delay, Long period, TimeUnit unit) {
        Task task = new Task(command, clock.instant().plusNanos(unit.toNanos(delay)),
                period == null ? null : Duration.ofNanos(unit.toNanos(period)));
        tasks.add(task);
        return task;
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    private final class Task implements ScheduledFuture<Object> {
        final Runnable command;
        final Duration period;
        Instant dueAt;
        boolean cancelled;
        boolean done;

        Task(Runnable command, Instant dueAt, Duration period) {
            this.command = command;
            this.dueAt = dueAt;
            this.period = period;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), dueAt));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
