package io.serverpulse.emulator.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.emulator.spec.SpecValidator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers interactions to an HTTP interactions endpoint as Discord does: signs the payload, POSTs
 * it with Discord's headers, and records status, body, headers and latency. A 200 answer is checked
 * against the interaction callback schema of Discord's spec and against the response types allowed
 * for the interaction's type.
 */
public final class InteractionSender {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionSender.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final InteractionSigner signer;
    private final SpecValidator validator;
    private final Duration timeout;
    private final DeliveryListener listener;

    /**
     * @param timeout how long to wait for an answer; Discord's own deadline is {@link Delivery#DEADLINE},
     *                a longer one lets a test see how late a slow endpoint is
     */
    public InteractionSender(HttpClient http, InteractionSigner signer, SpecValidator validator, Duration timeout) {
        this(http, signer, validator, timeout, DeliveryListener.NONE);
    }

    /** The same, telling {@code listener} about every delivery (e.g. to record it). */
    public InteractionSender(HttpClient http, InteractionSigner signer, SpecValidator validator, Duration timeout,
                             DeliveryListener listener) {
        this.http = Objects.requireNonNull(http, "http");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public InteractionSigner signer() {
        return signer;
    }

    /** Signs the interaction now and delivers it. */
    public Delivery send(URI endpoint, JsonNode interaction) {
        return deliver(endpoint, signer.sign(interaction));
    }

    /** Delivers exactly this request (as signed, or as tampered with by a probe). */
    public Delivery deliver(URI endpoint, SignedInteraction request) {
        Delivery delivery = post(endpoint, request);
        listener.delivered(endpoint, delivery);
        return delivery;
    }

    private Delivery post(URI endpoint, SignedInteraction request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException timedOut) {
            return unanswered(request, start, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return unanswered(request, start, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unanswered(request, start, "interrupted");
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        Optional<SpecValidator.Result> check = Optional.empty();
        Optional<String> rule = Optional.empty();
        if (response.statusCode() == 200) {
            check = Optional.of(validator.validateInteractionCallback(response.body()));
            rule = callbackTypeProblem(request, response.body());
        }
        LOG.debug("Interaction delivered to {}: {} in {} ms", endpoint, response.statusCode(), latency.toMillis());
        return new Delivery(request, response.statusCode(), response.body(), headers, latency, check, rule, Optional.empty());
    }

    private static Optional<String> callbackTypeProblem(SignedInteraction request, String responseBody) {
        try {
            JsonNode interaction = MAPPER.readTree(request.body());
            JsonNode callback = MAPPER.readTree(responseBody);
            if (interaction == null || callback == null || !interaction.path("type").isInt() || !callback.path("type").isInt()) {
                return Optional.empty(); // not an interaction we built, or not JSON: the schema check reports the latter
            }
            return CallbackRules.check(interaction.path("type").asInt(), callback.path("type").asInt());
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static Delivery unanswered(SignedInteraction request, long start, String why) {
        return new Delivery(request, -1, "", Map.of(), Duration.ofNanos(System.nanoTime() - start), Optional.empty(), Optional.empty(),
                Optional.of(why));
    }
}
