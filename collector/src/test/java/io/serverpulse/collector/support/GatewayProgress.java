package io.serverpulse.collector.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Which gateway dispatch each JDA shard has finished handling. JDA fires {@link RawGatewayEvent}
 * after its handler (and with it every listener, the collector's included) has run, so a raw event
 * with sequence {@code s} proves that the collector is done with dispatch {@code s}.
 */
public final class GatewayProgress extends ListenerAdapter {

    private final Map<Integer, Long> handled = new HashMap<>();

    @Override
    public void onRawGateway(RawGatewayEvent event) {
        int shard = event.getJDA().getShardInfo().getShardId();
        long sequence = event.getResponseNumber();
        synchronized (this) {
            handled.merge(shard, sequence, Math::max);
            notifyAll();
        }
    }

    public synchronized long handled(int shard) {
        return handled.getOrDefault(shard, 0L);
    }

    /** Waits until {@code shard} has handled dispatch {@code sequence}. */
    public synchronized void await(int shard, long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handled.getOrDefault(shard, 0L) < sequence) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("shard " + shard + " did not handle dispatch " + sequence + " within " + timeout
                        + " (handled up to " + handled.getOrDefault(shard, 0L) + ")");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
