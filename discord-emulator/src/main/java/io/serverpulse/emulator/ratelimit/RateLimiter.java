package io.serverpulse.emulator.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Discord-style per-bucket rate limits. A bucket is a route's hash plus its major parameters
 * (channel, guild, webhook); each has a limit per window, and every answer carries
 * {@code X-RateLimit-Limit/Remaining/Reset/Reset-After/Bucket}. A request over the limit gets a
 * 429. Tests can also force 429s on a route or bucket, or globally, a given number of times.
 * Windows run on the wall clock (rate limits are real time, not simulated time).
 */
public final class RateLimiter {

    /** A limit of {@code limit} requests per {@code window}. */
    public record Policy(int limit, Duration window) {
        public Policy {
            if (limit < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a rate limit needs limit >= 1 and a positive window");
            }
        }
    }

    private static final class Bucket {
        private final Policy policy;
        private int remaining;
        private long resetAtNanos;

        private Bucket(Policy policy) {
            this.policy = policy;
        }
    }

    private static final class Forced {
        private final Duration retryAfter;
        private int times;

        private Forced(Duration retryAfter, int times) {
            this.retryAfter = retryAfter;
            this.times = times;
        }
    }

    private final Policy defaultPolicy;
    private final Map<String, Policy> policies = new HashMap<>();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Forced> forced = new LinkedHashMap<>();
    private final List<Forced> forcedGlobal = new ArrayList<>();

    public RateLimiter(Policy defaultPolicy) {
        this.defaultPolicy = defaultPolicy;
    }

    /** Sets the limit of a route ({@code "POST /channels/{channel_id}/messages"}) or bucket hash. */
    public synchronized void policy(String routeOrBucket, Policy policy) {
        policies.put(routeOrBucket, policy);
        buckets.keySet().removeIf(key -> key.startsWith(routeOrBucket + "|") || key.contains("|" + routeOrBucket + "|"));
    }

    /** The next {@code times} requests on a route or bucket get a 429 with {@code retryAfter}. */
    public synchronized void force(String routeOrBucket, Duration retryAfter, int times) {
        forced.put(routeOrBucket, new Forced(retryAfter, times));
    }

    /** The next {@code times} requests on any route get a global 429 with {@code retryAfter}. */
    public synchronized void forceGlobal(Duration retryAfter, int times) {
        forcedGlobal.add(new Forced(retryAfter, times));
    }

    /**
     * Counts one request on {@code route} (its template key), whose bucket is {@code bucketHash}
     * for the major parameters {@code major}.
     */
    public synchronized RateLimitDecision acquire(String route, String bucketHash, String major) {
        long now = System.nanoTime();
        Policy policy = policies.getOrDefault(route, policies.getOrDefault(bucketHash, defaultPolicy));
        Bucket bucket = buckets.computeIfAbsent(route + "|" + bucketHash + "|" + major, k -> new Bucket(policy));
        if (now >= bucket.resetAtNanos) {
            bucket.remaining = bucket.policy.limit();
            bucket.resetAtNanos = now + bucket.policy.window().toNanos();
        }
        Forced global = take(forcedGlobal.isEmpty() ? null : forcedGlobal.get(0));
        if (global != null) {
            if (global.times <= 0) {
                forcedGlobal.remove(global);
            }
            return limited(bucket, bucketHash, seconds(global.retryAfter), true, now);
        }
        Forced onRoute = take(forced.containsKey(route) ? forced.get(route) : forced.get(bucketHash));
        if (onRoute != null) {
            forced.values().removeIf(f -> f.times <= 0);
            return limited(bucket, bucketHash, seconds(onRoute.retryAfter), false, now);
        }
        if (bucket.remaining <= 0) {
            return limited(bucket, bucketHash, (bucket.resetAtNanos - now) / 1e9, false, now);
        }
        bucket.remaining--;
        return new RateLimitDecision(false, false, 0, headers(bucket, bucketHash, now));
    }

    private static Forced take(Forced candidate) {
        if (candidate == null || candidate.times <= 0) {
            return null;
        }
        candidate.times--;
        return candidate;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private RateLimitDecision limited(Bucket bucket, String hash, double retryAfter, boolean global, long now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString((long) Math.ceil(retryAfter)));
        if (global) {
            headers.put("X-RateLimit-Global", "true");
            headers.put("X-RateLimit-Scope", "global");
        } else {
            headers.put("X-RateLimit-Limit", Integer.toString(bucket.policy.limit()));
            headers.put("X-RateLimit-Remaining", "0");
            headers.put("X-RateLimit-Reset", format(System.currentTimeMillis() / 1000.0 + retryAfter));
            headers.put("X-RateLimit-Reset-After", format(retryAfter));
            headers.put("X-RateLimit-Bucket", hash);
            headers.put("X-RateLimit-Scope", "user");
        }
        return new RateLimitDecision(true, global, retryAfter, headers);
    }

    private static Map<String, String> headers(Bucket bucket, String hash, long now) {
        double resetAfter = Math.max(0, (bucket.resetAtNanos - now) / 1e9);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Integer.toString(bucket.policy.limit()));
        headers.put("X-RateLimit-Remaining", Integer.toString(bucket.remaining));
        headers.put("X-RateLimit-Reset", format(System.currentTimeMillis() / 1000.0 + resetAfter));
        headers.put("X-RateLimit-Reset-After", format(resetAfter));
        headers.put("X-RateLimit-Bucket", hash);
        return headers;
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
