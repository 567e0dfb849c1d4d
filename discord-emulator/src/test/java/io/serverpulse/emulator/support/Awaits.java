package io.serverpulse.emulator.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds or the timeout passes (for state outside JDA's events). */
public final class Awaits {

    private Awaits() {
    }

    public static <T> T until(Supplier<T> value, java.util.function.Predicate<T> done, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T current = value.get();
        while (!done.test(current)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for " + what + "; last value: " + current);
            }
            Thread.sleep(5);
            current = value.get();
        }
        return current;
    }
}
