package io.serverpulse.common.lazy;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built once, on first use (or ahead, by {@link #get()} from a background thread): what a PING, a cold start
 * or an interaction that never calls out does not need (an HTTP client, the command core, an SDK client) is not built
 * before it is needed. Thread-safe; built at most once.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> build;
    private volatile T value;

    private Lazy(Supplier<? extends T> build) {
        this.build = Objects.requireNonNull(build, "build");
    }

    public static <T> Lazy<T> of(Supplier<? extends T> build) {
        return new Lazy<>(build);
    }

    /** Already built, for values that exist from the start. */
    public static <T> Lazy<T> built(T value) {
        Lazy<T> lazy = new Lazy<>(() -> value);
        lazy.value = Objects.requireNonNull(value, "value");
        return lazy;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = Objects.requireNonNull(build.get(), "built null");
                    value = current;
                }
            }
        }
        return current;
    }

    /** Whether it has been built. */
    public boolean isBuilt() {
        return value != null;
    }
}
