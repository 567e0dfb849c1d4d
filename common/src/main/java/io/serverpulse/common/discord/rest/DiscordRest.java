package io.serverpulse.common.discord.rest;

import io.serverpulse.common.discord.rest.RestCall.Body;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ServerPulse's one Discord REST client: interaction callbacks and follow-up edits (the gateway
 * adapter, the interactions worker), command registration, and the update-channel poster
 * ({@code discord.post}) of both modes. Requests name a route declared once in {@link Routes}. It
 * waits as Discord's rate-limit headers say ({@link RateLimits}, per bucket, global pauses included),
 * retries a 429 after its {@code retry_after}, retries a 5xx or a network failure a few times with
 * backoff, and returns every other answer as it is. Logs name route templates, never paths (a webhook
 * path holds the interaction token) or bodies. Thread-safe: a wait on one bucket delays only the
 * calling thread.
 */
public final class DiscordRest {

    public static final String USER_AGENT = "DiscordBot (https://github.com/serverpulse/serverpulse, 0.1.0)";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /** The longest single wait (a rate limit or a Retry-After) before giving up instead. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);
    public static final int MAX_RATE_LIMITED = 5;
    public static final int MAX_SERVER_ERRORS = 3;
    public static final int MAX_NETWORK_ERRORS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(DiscordRest.class);

    private final HttpClient http;
    private final String baseUrl;
    private final Optional<String> botToken;
    private final RateLimits limits;
    private final Sleeper sleeper;
    private final Duration timeout;
    private final Duration maxWait;

    public DiscordRest(HttpClient http, String apiBaseUrl, Optional<String> botToken, RateLimits limits, Sleeper sleeper,
                       Duration timeout, Duration maxWait) {
        this.http = Objects.requireNonNull(http, "http");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        this.baseUrl = apiBaseUrl.endsWith("/") ? apiBaseUrl : apiBaseUrl + "/";
        this.botToken = Objects.requireNonNull(botToken, "botToken");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    }

    /** A client for this API base URL (e.g. {@code https://discord.com/api/v10/}), with a bot token when it has one. */
    public static DiscordRest create(String apiBaseUrl, Optional<String> botToken) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new DiscordRest(http, apiBaseUrl, botToken, new RateLimits(), Sleeper.SYSTEM, DEFAULT_TIMEOUT, DEFAULT_MAX_WAIT);
    }

    public RateLimits rateLimits() {
        return limits;
    }

    /**
     * Sends the call, waiting and retrying as described above.
     *
     * @return Discord's last answer (a 429 when it asked for a wait longer than the maximum, or too often)
     * @throws DiscordRestException if Discord could not be reached, or the thread was interrupted
     * @throws IllegalStateException if the call needs the bot token and there is none
     */
    public RestResult send(RestCall call) {
        CompiledRoute route = call.route();
        HttpRequest request = request(call);
        int attempts = 0;
        int rateLimited = 0;
        int serverErrors = 0;
        int networkErrors = 0;
        while (true) {
            Duration wait = limits.delayBefore(route);
            if (wait.compareTo(maxWait) > 0) {
                LOG.warn("Discord asks to wait {} s before {}; giving up", wait.toSeconds(), route);
                return new RestResult(429, "", java.util.Map.of(), attempts);
            }
            pause(wait, route);
            attempts++;
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                networkErrors++;
                if (networkErrors >= MAX_NETWORK_ERRORS) {
                    throw new DiscordRestException(route + " failed: " + e.getClass().getSimpleName(), e);
                }
                LOG.info("{} failed ({}), retrying", route, e.getClass().getSimpleName());
                pause(backoff(networkErrors), route);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DiscordRestException(route + " interrupted", e);
            }
            RestResult result = new RestResult(response.statusCode(), response.body(), response.headers().map(), attempts);
            limits.update(route, result);
            if (result.status() == 429) {
                rateLimited++;
                Duration retry = limits.rateLimited(route, result);
                if (rateLimited > MAX_RATE_LIMITED || retry.compareTo(maxWait) > 0) {
                    LOG.warn("{} rate limited {} times (retry after {} ms); giving up", route, rateLimited, retry.toMillis());
                    return result;
                }
                LOG.info("{} rate limited, retrying in {} ms", route, retry.toMillis());
                continue; // the wait is applied by delayBefore on the next turn
            }
            if (result.status() >= 500 && serverErrors + 1 < MAX_SERVER_ERRORS) {
                serverErrors++;
                LOG.info("{} answered {}, retrying", route, result.status());
                pause(backoff(serverErrors), route);
                continue;
            }
            LOG.debug("{} answered {} after {} attempt(s)", route, result.status(), attempts);
            return result;
        }
    }

    private HttpRequest request(RestCall call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + stripSlash(call.route().path())))
                .timeout(timeout)
                .header("User-Agent", USER_AGENT);
        if (call.botAuth()) {
            String token = botToken.orElseThrow(() -> new IllegalStateException(call.route() + " needs the bot token (DISCORD_TOKEN)"));
            builder.header("Authorization", "Bot " + token);
        }
        Body body = call.body();
        HttpRequest.BodyPublisher publisher;
        if (body instanceof Body.Json json) {
            builder.header("Content-Type", "application/json");
            publisher = HttpRequest.BodyPublishers.ofString(json.json(), StandardCharsets.UTF_8);
        } else if (body instanceof Body.Multipart multipart) {
            builder.header("Content-Type", multipart.form().contentType());
            publisher = HttpRequest.BodyPublishers.ofByteArray(multipart.form().bytes());
        } else {
            publisher = HttpRequest.BodyPublishers.noBody();
        }
        return builder.method(call.method(), publisher).build();
    }

    private void pause(Duration duration, CompiledRoute route) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscordRestException(route + " interrupted", e);
        }
    }

    private static Duration backoff(int failures) {
        return Duration.ofMillis(250L << Math.min(failures - 1, 4));
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
