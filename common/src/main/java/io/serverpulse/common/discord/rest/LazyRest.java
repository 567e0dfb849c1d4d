package io.serverpulse.common.discord.rest;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link DiscordRest} built on first use and then reused: most interactions never call Discord, and a
 * PING or a cold start should not pay for an HTTP client. Thread-safe; built at most once.
 */
public final class LazyRest implements Supplier<DiscordRest> {

    private final Supplier<DiscordRest> factory;
    private volatile DiscordRest built;

    private LazyRest(Supplier<DiscordRest> factory) {
        this.factory = factory;
    }

    /** The client {@code factory} makes, made on the first {@link #get()}. */
    public static LazyRest of(Supplier<DiscordRest> factory) {
        return new LazyRest(Objects.requireNonNull(factory, "factory"));
    }

    /** A client that exists already. */
    public static LazyRest ready(DiscordRest rest) {
        Objects.requireNonNull(rest, "rest");
        LazyRest lazy = new LazyRest(() -> rest);
        lazy.built = rest;
        return lazy;
    }

    @Override
    public DiscordRest get() {
        DiscordRest client = built;
        if (client == null) {
            synchronized (this) {
                client = built;
                if (client == null) {
                    client = Objects.requireNonNull(factory.get(), "factory returned no client");
                    built = client;
                }
            }
        }
        return client;
    }
}
