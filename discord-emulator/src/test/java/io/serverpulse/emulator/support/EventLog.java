package io.serverpulse.emulator.support;

import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects every JDA event a client receives; tests wait on it with timeouts, never fixed sleeps. */
public final class EventLog implements EventListener {

    private final List<GenericEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(GenericEvent event) {
        events.add(event);
        notifyAll();
    }

    public synchronized <T> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public synchronized <T> List<T> all(Class<T> type, Predicate<T> filter) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
    }

    /** Waits until at least {@code count} events of {@code type} matching {@code filter} arrived; returns them all. */
    public synchronized <T> List<T> await(Class<T> type, Predicate<T> filter, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> matching = all(type, filter);
        while (matching.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + timeout + " for " + count + " " + type.getSimpleName()
                        + " but got " + matching.size());
            }
            wait(Math.max(1, left / 1_000_000));
            matching = all(type, filter);
        }
        return matching;
    }

    public <T> T awaitOne(Class<T> type, Predicate<T> filter, Duration timeout) throws InterruptedException {
        return await(type, filter, 1, timeout).get(0);
    }
}
