package io.serverpulse.interactions.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.DiscordRestException;
import io.serverpulse.common.discord.rest.RateLimits;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import io.serverpulse.common.discord.rest.Routes;
import io.serverpulse.common.discord.rest.Sleeper;
import io.serverpulse.common.testing.LogCapture;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.rest.RouteKeys;
import io.serverpulse.emulator.state.RequestLog;
import io.serverpulse.interactions.support.TestGuild;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client (common's {@code discord.rest}) against the emulator's REST API and its rate limiter; here because common's tests cannot use the emulator (it depends on common). */
class DiscordRestTest {

    private DiscordEmulator discord;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** Sleeps for real (the emulator's limits are real time) and records each wait. */
    private final Sleeper recording = duration -> {
        waits.add(duration);
        Sleeper.SYSTEM.sleep(duration);
    };

    /** The wait is computed just after the 429 arrived, so it is the 1 s minus the moments since. */
    private static boolean aboutOneSecond(Duration wait) {
        return wait.compareTo(Duration.ofMillis(500)) > 0 && wait.compareTo(Duration.ofSeconds(1)) <= 0;
    }

    @AfterEach
    void stop() {
        if (discord != null) {
            discord.close();
        }
    }

    private DiscordRest client(DiscordEmulator emulator, Duration maxWait) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new DiscordRest(http, emulator.restBaseUrl(), Optional.of(emulator.token()), new RateLimits(), recording,
                Duration.ofSeconds(30), maxWait);
    }

    private RestCall overwriteGlobalCommands(DiscordEmulator emulator) {
        return RestCall.json(Routes.GLOBAL_COMMANDS_OVERWRITE.compile(emulator.applicationId()), "[]");
    }

    private List<Integer> statuses(String route) {
        List<Integer> statuses = new ArrayList<>();
        for (RequestLog log : discord.recorded().requests()) {
            if (log.route().equals(route)) {
                statuses.add(log.status());
            }
        }
        return statuses;
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        // GIVEN Discord will answer the next request on the route with a 429 asking for 1 s
        discord = DiscordEmulator.builder(List.of(TestGuild.community())).start();
        discord.rateLimit(RouteKeys.OVERWRITE_GLOBAL_COMMANDS, Duration.ofSeconds(1), 1);

        // WHEN the client sends on that route
        RestResult result = client(discord, DiscordRest.DEFAULT_MAX_WAIT).send(overwriteGlobalCommands(discord));

        // THEN it waited the 1 s it was told and the retry succeeded
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(statuses(RouteKeys.OVERWRITE_GLOBAL_COMMANDS)).containsExactly(429, 200);
        assertThat(waits).anyMatch(DiscordRestTest::aboutOneSecond);
    }

    @Test
    void aGlobal429IsRetriedToo() {
        // GIVEN a global 429 for the next request
        discord = DiscordEmulator.builder(List.of(TestGuild.community())).start();
        discord.rateLimitGlobally(Duration.ofSeconds(1), 1);

        // WHEN the client sends
        RestResult result = client(discord, DiscordRest.DEFAULT_MAX_WAIT).send(overwriteGlobalCommands(discord));

        // THEN it waited and succeeded
        assertThat(result.status()).isEqualTo(200);
        assertThat(statuses(RouteKeys.OVERWRITE_GLOBAL_COMMANDS)).containsExactly(429, 200);
        assertThat(waits).anyMatch(DiscordRestTest::aboutOneSecond);
    }

    @Test
    void anExhaustedBucketIsWaitedOutWithoutEverGettingA429() {
        // GIVEN the route allows 2 requests per 2 seconds
        discord = DiscordEmulator.builder(List.of(TestGuild.community()))
                .rateLimit(RouteKeys.OVERWRITE_GLOBAL_COMMANDS, 2, Duration.ofSeconds(2)).start();
        DiscordRest rest = client(discord, DiscordRest.DEFAULT_MAX_WAIT);

        // WHEN three requests are sent one after the other
        for (int i = 0; i < 3; i++) {
            assertThat(rest.send(overwriteGlobalCommands(discord)).status()).isEqualTo(200);
        }

        // THEN the headers of the second said the bucket was empty: the client waited before the third, and Discord never said 429
        assertThat(statuses(RouteKeys.OVERWRITE_GLOBAL_COMMANDS)).containsExactly(200, 200, 200);
        assertThat(waits).anyMatch(wait -> wait.compareTo(Duration.ZERO) > 0);
        assertThat(rest.rateLimits().bucketOf(overwriteGlobalCommands(discord).route())).isPresent();
    }

    @Test
    void aWaitLongerThanTheMaximumIsNotWaitedOut() {
        // GIVEN a 429 asking for 5 s, and a client that waits at most 1 s
        discord = DiscordEmulator.builder(List.of(TestGuild.community())).start();
        discord.rateLimit(RouteKeys.OVERWRITE_GLOBAL_COMMANDS, Duration.ofSeconds(5), 1);

        // WHEN the client sends
        RestResult result = client(discord, Duration.ofSeconds(1)).send(overwriteGlobalCommands(discord));

        // THEN it gives the 429 back at once
        assertThat(result.status()).isEqualTo(429);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(waits).allMatch(Duration::isZero);
    }

    @Test
    void aRefusalIsReturnedAsItIsWithoutRetrying() {
        // GIVEN a client with a wrong bot token
        discord = DiscordEmulator.builder(List.of(TestGuild.community())).start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        DiscordRest rest = new DiscordRest(http, discord.restBaseUrl(), Optional.of("not-the-token"), new RateLimits(), recording,
                Duration.ofSeconds(30), DiscordRest.DEFAULT_MAX_WAIT);

        // WHEN it sends
        RestResult result = rest.send(overwriteGlobalCommands(discord));

        // THEN Discord's 401 comes back once, with its code and message
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.errorMessage()).isNotEmpty();
    }

    @Test
    void anUnreachableDiscordFailsAfterAFewTriesWithoutNamingThePath() throws Exception {
        // GIVEN a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        List<Duration> backoff = new ArrayList<>();
        DiscordRest rest = new DiscordRest(http, "http://127.0.0.1:" + port + "/api/v10/", Optional.empty(), new RateLimits(),
                backoff::add, Duration.ofSeconds(5), DiscordRest.DEFAULT_MAX_WAIT);

        // WHEN a webhook edit is sent
        RestCall edit = RestCall.json(Routes.ORIGINAL_RESPONSE_EDIT.compile(1L, "SECRET-TOKEN"), "{}");

        // THEN it fails with a clear exception after backing off, and the token appears nowhere in it
        assertThatThrownBy(() -> rest.send(edit)).isInstanceOf(DiscordRestException.class)
                .hasMessageContaining("PATCH /webhooks/{webhook.id}/{webhook.token}/messages/@original")
                .hasMessageNotContaining("SECRET-TOKEN");
        assertThat(backoff.stream().filter(wait -> !wait.isZero())).hasSize(DiscordRest.MAX_NETWORK_ERRORS - 1);
    }

    @Test
    void aRateLimitedWebhookEditIsLoggedByItsTemplateNeverItsToken() {
        // GIVEN Discord answers the next webhook edit with a 429
        discord = DiscordEmulator.builder(List.of(TestGuild.community())).start();
        discord.rateLimit(RouteKeys.EDIT_WEBHOOK_MESSAGE, Duration.ofSeconds(1), 1);
        String token = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkw.SECRET-TOKEN";

        try (LogCapture logs = new LogCapture()) {
            // WHEN an edit of @original is sent on it (the interaction is unknown here, so it ends in a 404)
            RestResult result = client(discord, DiscordRest.DEFAULT_MAX_WAIT)
                    .send(RestCall.json(Routes.ORIGINAL_RESPONSE_EDIT.compile(discord.applicationId(), token), "{\"content\":\"hi\"}"));

            // THEN the wait and the answer are logged by the route's template, and no line holds the token
            assertThat(statuses(RouteKeys.EDIT_WEBHOOK_MESSAGE)).containsExactly(429, result.status());
            assertThat(logs.lines()).anyMatch(line -> line.contains("PATCH /webhooks/{webhook.id}/{webhook.token}/messages/@original"
                    + " rate limited"));
            assertThat(String.join("\n", logs.lines())).doesNotContain("SECRET-TOKEN").doesNotContain(token);
        }
    }

    @Test
    void aCallThatNeedsTheBotTokenFailsClearlyWithoutOne() {
        // GIVEN a client without a bot token
        discord = DiscordEmulator.builder(List.of(TestGuild.community())).start();
        DiscordRest rest = DiscordRest.create(discord.restBaseUrl(), Optional.empty());

        // WHEN / THEN a bot-authorised call is refused before anything is sent
        assertThatThrownBy(() -> rest.send(overwriteGlobalCommands(discord))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DISCORD_TOKEN");
        assertThat(discord.recorded().requests()).isEmpty();
    }
}
