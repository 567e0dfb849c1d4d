package io.serverpulse.common.discord.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:30:00Z"));
    private final RateLimits limits = new RateLimits(clock);
    private final CompiledRoute general = Routes.MESSAGE_CREATE.compile(111111111111111111L);
    private final CompiledRoute memes = Routes.MESSAGE_CREATE.compile(222222222222222222L);
    private final CompiledRoute edit = Routes.MESSAGE_EDIT.compile(111111111111111111L, 333333333333333333L);

    private static RestResult answer(int status, String body, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new RestResult(status, body, map, 1);
    }

    @Test
    void anUnknownRouteIsNotDelayed() {
        // GIVEN nothing learned yet / WHEN asked / THEN no wait: nothing is hard-coded
        assertThat(limits.delayBefore(general)).isZero();
    }

    @Test
    void anExhaustedBucketWaitsUntilItsResetAndOnlyForItsMajorParameter() {
        // GIVEN Discord said the bucket of #general has 0 requests left for 1.5 s
        limits.update(general, answer(200, "{}", "X-RateLimit-Bucket", "abcd1234", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset-After", "1.5"));

        // WHEN the next message to #general, and one to #memes, are due
        // THEN #general waits the 1.5 s; #memes (another major parameter) does not
        assertThat(limits.delayBefore(general)).isEqualTo(Duration.ofMillis(1500));
        assertThat(limits.delayBefore(memes)).isZero();
        assertThat(limits.bucketOf(general)).contains("abcd1234");

        // AND once the reset has passed, no wait
        clock.advance(Duration.ofMillis(1500));
        assertThat(limits.delayBefore(general)).isZero();
    }

    @Test
    void remainingRequestsAreSpentBeforeWaiting() {
        // GIVEN 2 requests left for 10 s
        limits.update(general, answer(200, "{}", "X-RateLimit-Bucket", "abcd1234", "X-RateLimit-Remaining", "2",
                "X-RateLimit-Reset-After", "10"));

        // WHEN three more are due at once
        // THEN two go now and the third waits for the reset
        assertThat(limits.delayBefore(general)).isZero();
        assertThat(limits.delayBefore(general)).isZero();
        assertThat(limits.delayBefore(general)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void routesThatShareABucketShareItsLimit() {
        // GIVEN Discord named the same bucket for sending and editing in a channel, then exhausted it via sends
        limits.update(edit, answer(200, "{}", "X-RateLimit-Bucket", "shared", "X-RateLimit-Remaining", "4",
                "X-RateLimit-Reset-After", "5"));
        limits.update(general, answer(200, "{}", "X-RateLimit-Bucket", "shared", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset-After", "5"));

        // WHEN an edit in that channel is due / THEN it waits too
        assertThat(limits.delayBefore(edit)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a429WaitsItsRetryAfterFromTheBodyOrTheHeader() {
        // GIVEN a 429 whose body says 0.25 s
        Duration fromBody = limits.rateLimited(general, answer(429,
                "{\"message\":\"You are being rate limited.\",\"retry_after\":0.25,\"global\":false}",
                "Retry-After", "1", "X-RateLimit-Bucket", "abcd1234", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "0.25"));
        // AND a 429 on another route with only the header
        Duration fromHeader = limits.rateLimited(memes, answer(429, "not json", "Retry-After", "3"));

        // THEN each waits what it was told, on its own bucket only
        assertThat(fromBody).isEqualTo(Duration.ofMillis(250));
        assertThat(fromHeader).isEqualTo(Duration.ofSeconds(3));
        assertThat(limits.delayBefore(general)).isEqualTo(Duration.ofMillis(250));
        assertThat(limits.delayBefore(memes)).isEqualTo(Duration.ofSeconds(3));
        assertThat(limits.delayBefore(edit)).isZero();
    }

    @Test
    void aGlobal429PausesEveryRoute() {
        // GIVEN a global 429 for 2 s
        limits.rateLimited(general, answer(429, "{\"retry_after\":2,\"global\":true}", "X-RateLimit-Global", "true",
                "X-RateLimit-Scope", "global", "Retry-After", "2"));

        // WHEN any route is due / THEN it waits
        assertThat(limits.delayBefore(memes)).isEqualTo(Duration.ofSeconds(2));
        assertThat(limits.delayBefore(Routes.GLOBAL_COMMANDS_OVERWRITE.compile(1L))).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(limits.delayBefore(memes)).isZero();
    }

    @Test
    void a429WithoutAnyWaitFallsBackToOneSecond() {
        // GIVEN / WHEN a bare 429 / THEN one second
        assertThat(limits.rateLimited(general, answer(429, ""))).isEqualTo(RateLimits.FALLBACK_RETRY);
    }

    @Test
    void malformedHeadersAreIgnored() {
        // GIVEN headers that are not numbers
        limits.update(general, answer(200, "{}", "X-RateLimit-Remaining", "many", "X-RateLimit-Reset-After", "-1"));

        // WHEN / THEN nothing is delayed
        assertThat(limits.delayBefore(general)).isZero();
    }
}
