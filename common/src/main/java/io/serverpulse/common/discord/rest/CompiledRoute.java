package io.serverpulse.common.discord.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One request's route: a {@link Route} with its placeholder values filled in.
 *
 * @param route the template (its key and the bot-token rule)
 * @param path  the path relative to the API base, starting with {@code /}, with the query if any
 * @param major the major parameter's value ({@code 123}, or {@code id/token} for a webhook), or
 *              empty: with the route's key, the identity of its rate-limit bucket. Never logged.
 */
public record CompiledRoute(Route route, String path, String major) {

    public CompiledRoute {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(major, "major");
    }

    /** The same route with {@code name=value} added to its query. */
    public CompiledRoute query(String name, Object value) {
        String pair = URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(String.valueOf(value),
                StandardCharsets.UTF_8);
        return new CompiledRoute(route, path + (path.contains("?") ? "&" : "?") + pair, major);
    }

    public String method() {
        return route.method();
    }

    /** {@code METHOD /template}. */
    public String key() {
        return route.key();
    }

    /** Never the path or the major parameter: a webhook path holds the interaction token. */
    @Override
    public String toString() {
        return route.key();
    }
}
