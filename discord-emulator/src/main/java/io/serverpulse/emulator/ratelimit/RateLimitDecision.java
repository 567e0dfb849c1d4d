package io.serverpulse.emulator.ratelimit;

import java.util.Map;

/**
 * What the rate limiter says about one request: the headers to send, and whether it is refused
 * with a 429 (then {@code retryAfterSeconds} and {@code global} go into the body).
 */
public record RateLimitDecision(boolean limited, boolean global, double retryAfterSeconds, Map<String, String> headers) {

    public RateLimitDecision {
        headers = Map.copyOf(headers);
    }
}
