package io.serverpulse.common.discord.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Discord said about its rate limits, per bucket: learned from {@code X-RateLimit-Bucket},
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset-After} on every answer, and from a 429's
 * {@code retry_after} / {@code Retry-After} (with {@code X-RateLimit-Global} or scope {@code global}
 * pausing every route). Nothing is hard-coded: until Discord has named a route's bucket, the route is
 * its own bucket (method, template and major parameter, from {@link CompiledRoute}) and is not delayed. Thread-safe.
 */
public final class RateLimits {

    /** When a 429 carries no usable wait at all. */
    static final Duration FALLBACK_RETRY = Duration.ofSeconds(1);

    private final Clock clock;
    private final Map<String, String> bucketOfRoute = new HashMap<>();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private Instant globalUntil = Instant.EPOCH;

    public RateLimits(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RateLimits() {
        this(Clock.systemUTC());
    }

    /** How long to wait before sending on this route; reserves one request of the bucket's remaining ones. */
    public synchronized Duration delayBefore(CompiledRoute route) {
        Instant now = clock.instant();
        Duration wait = positive(Duration.between(now, globalUntil));
        Bucket bucket = buckets.get(bucketId(route));
        if (bucket != null && now.isBefore(bucket.resetAt)) {
            if (bucket.remaining <= 0) {
                wait = max(wait, Duration.between(now, bucket.resetAt));
            } else {
                bucket.remaining--;
            }
        }
        return wait;
    }

    /** Learns the bucket and its state from an answer's headers (any status). */
    public synchronized void update(CompiledRoute route, RestResult result) {
        result.header("x-ratelimit-bucket").ifPresent(hash -> bucketOfRoute.put(route.key(), hash));
        Optional<Integer> remaining = result.header("x-ratelimit-remaining").flatMap(RateLimits::integer);
        Optional<Duration> resetAfter = result.header("x-ratelimit-reset-after").flatMap(RateLimits::seconds);
        if (remaining.isPresent() && resetAfter.isPresent()) {
            buckets.put(bucketId(route), new Bucket(remaining.get(), clock.instant().plus(resetAfter.get())));
        }
    }

    /**
     * Records a 429 and says how long to wait before retrying: the body's {@code retry_after}, else the
     * {@code Retry-After} header, else {@code X-RateLimit-Reset-After}, else {@link #FALLBACK_RETRY}.
     */
    public synchronized Duration rateLimited(CompiledRoute route, RestResult result) {
        update(route, result);
        Optional<JsonNode> body = result.json();
        Duration wait = body.map(node -> node.path("retry_after"))
                .filter(JsonNode::isNumber)
                .map(node -> Duration.ofMillis((long) Math.ceil(node.asDouble() * 1000)))
                .or(() -> result.header("retry-after").flatMap(RateLimits::seconds))
                .or(() -> result.header("x-ratelimit-reset-after").flatMap(RateLimits::seconds))
                .orElse(FALLBACK_RETRY);
        boolean global = result.header("x-ratelimit-global").map(Boolean::parseBoolean).orElse(false)
                || result.header("x-ratelimit-scope").map("global"::equalsIgnoreCase).orElse(false)
                || body.map(node -> node.path("global").asBoolean(false)).orElse(false);
        Instant until = clock.instant().plus(wait);
        if (global) {
            if (until.isAfter(globalUntil)) {
                globalUntil = until;
            }
        } else {
            buckets.put(bucketId(route), new Bucket(0, until));
        }
        return wait;
    }

    /** The bucket Discord named for this route (once it has), for tests and logs. */
    public synchronized Optional<String> bucketOf(CompiledRoute route) {
        return Optional.ofNullable(bucketOfRoute.get(route.key()));
    }

    private String bucketId(CompiledRoute route) {
        return bucketOfRoute.getOrDefault(route.key(), route.key()) + "|" + route.major();
    }

    private static Optional<Integer> integer(String value) {
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            double seconds = Double.parseDouble(value.trim());
            if (!Double.isFinite(seconds) || seconds < 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static final class Bucket {
        int remaining;
        final Instant resetAt;

        Bucket(int remaining, Instant resetAt) {
            this.remaining = remaining;
            this.resetAt = resetAt;
        }
    }
}
