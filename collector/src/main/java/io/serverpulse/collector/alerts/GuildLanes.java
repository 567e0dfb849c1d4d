package io.serverpulse.collector.alerts;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One serial lane per guild on a small pool: a guild's tasks run one at a time in the order they
 * were submitted, while different guilds run side by side, so a guild whose task waits (a long
 * rate limit on its channel) holds up only itself. A lane takes a thread only while it has work;
 * threads beyond the busy lanes are let go after a while. With more busy lanes than threads, the
 * next lanes wait for a thread.
 */
final class GuildLanes {

    private final ThreadPoolExecutor pool;
    /** Lanes with a task running; the queue holds the guild's tasks that wait behind it. Guarded by itself. */
    private final Map<Long, ArrayDeque<Runnable>> busy = new HashMap<>();

    GuildLanes(int threads, String name) {
        AtomicLong n = new AtomicLong();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Queues the task on the guild's lane; false if the lanes are shut down. */
    boolean submit(long guildId, Runnable task) {
        synchronized (busy) {
            ArrayDeque<Runnable> waiting = busy.get(guildId);
            if (waiting != null) {
                if (pool.isShutdown()) {
                    return false;
                }
                waiting.add(task);
                return true;
            }
            busy.put(guildId, new ArrayDeque<>());
        }
        try {
            pool.execute(() -> drain(guildId, task));
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (busy) {
                busy.remove(guildId);
            }
            return false;
        }
    }

    private void drain(long guildId, Runnable first) {
        Runnable task = first;
        while (task != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // the task logs its own failures; the lane goes on with the guild's next task
            }
            synchronized (busy) {
                task = busy.get(guildId).poll();
                if (task == null) {
                    busy.remove(guildId);
                }
            }
        }
    }

    /**
     * Accepts no more tasks and waits up to {@code deadline} for every lane to finish what it holds;
     * then interrupts the running tasks, gives them {@code grace} to wrap up, and drops the tasks that
     * wait behind them. Returns how many tasks were dropped, or -1 if everything finished in time.
     */
    int close(Duration deadline, Duration grace) {
        pool.shutdown();
        try {
            if (pool.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int dropped;
        synchronized (busy) {
            dropped = busy.values().stream().mapToInt(ArrayDeque::size).sum();
            busy.values().forEach(ArrayDeque::clear);
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dropped;
    }
}
