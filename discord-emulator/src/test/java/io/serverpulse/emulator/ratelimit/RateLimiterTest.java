package io.serverpulse.emulator.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final String ROUTE = "POST /channels/{channel_id}/messages";

    @Test
    void everyAnswerCarriesTheBucketHeadersAndTheLimitIsEnforced() {
        // GIVEN a bucket of 2 per minute
        RateLimiter limiter = new RateLimiter(new RateLimiter.Policy(2, Duration.ofMinutes(1)));

        // WHEN three requests hit the same channel
        RateLimitDecision first = limiter.acquire(ROUTE, "abc", "channel_id=1;");
        RateLimitDecision second = limiter.acquire(ROUTE, "abc", "channel_id=1;");
        RateLimitDecision third = limiter.acquire(ROUTE, "abc", "channel_id=1;");

        // THEN remaining counts down, and the third is a 429 with Retry-After in whole seconds
        assertThat(first.headers()).containsEntry("X-RateLimit-Limit", "2").containsEntry("X-RateLimit-Remaining", "1")
                .containsEntry("X-RateLimit-Bucket", "abc").containsKeys("X-RateLimit-Reset", "X-RateLimit-Reset-After");
        assertThat(second.headers()).containsEntry("X-RateLimit-Remaining", "0");
        assertThat(third.limited()).isTrue();
        assertThat(third.global()).isFalse();
        assertThat(Long.parseLong(third.headers().get("Retry-After"))).isBetween(1L, 60L);
        assertThat(third.headers()).containsEntry("X-RateLimit-Scope", "user");
        // AND another channel (another major parameter) has its own bucket
        assertThat(limiter.acquire(ROUTE, "abc", "channel_id=2;").limited()).isFalse();
    }

    @Test
    void forced429sHitTheNamedRouteOrBucketTheGivenNumberOfTimes() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Policy(50, Duration.ofSeconds(1)));
        limiter.force(ROUTE, Duration.ofMillis(1500), 2);
        limiter.force("hash-of-other", Duration.ofSeconds(3), 1);

        assertThat(limiter.acquire("GET /users/@me", "me", "").limited()).isFalse();
        RateLimitDecision forced = limiter.acquire(ROUTE, "abc", "channel_id=1;");
        assertThat(forced.limited()).isTrue();
        assertThat(forced.retryAfterSeconds()).isEqualTo(1.5);
        assertThat(forced.headers()).containsEntry("Retry-After", "2");
        assertThat(limiter.acquire(ROUTE, "abc", "channel_id=9;").limited()).isTrue();
        assertThat(limiter.acquire(ROUTE, "abc", "channel_id=1;").limited()).isFalse();
        assertThat(limiter.acquire("GET /x", "hash-of-other", "").limited()).isTrue();
        assertThat(limiter.acquire("GET /x", "hash-of-other", "").limited()).isFalse();
    }

    @Test
    void aForcedGlobal429SaysSo() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Policy(50, Duration.ofSeconds(1)));
        limiter.forceGlobal(Duration.ofSeconds(2), 1);
        RateLimitDecision global = limiter.acquire("GET /users/@me", "me", "");
        assertThat(global.limited()).isTrue();
        assertThat(global.global()).isTrue();
        assertThat(global.headers()).containsEntry("X-RateLimit-Global", "true").containsEntry("Retry-After", "2");
        assertThat(limiter.acquire("GET /users/@me", "me", "").limited()).isFalse();
    }
}
