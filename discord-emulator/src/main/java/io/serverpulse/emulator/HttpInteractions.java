package io.serverpulse.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.emulator.interactions.Delivery;
import io.serverpulse.emulator.interactions.DeliveryListener;
import io.serverpulse.emulator.interactions.InteractionSender;
import io.serverpulse.emulator.rest.ErrorBody;
import io.serverpulse.emulator.rest.InteractionCallbacks;
import io.serverpulse.emulator.rest.RequestBodyValidator;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.InteractionDelivery;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.PendingInteraction;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Interactions over HTTP, as Discord delivers them to an interactions endpoint: what the emulator
 * makes of each delivery. Every delivery is recorded; the answer to an interaction the emulator
 * issued (a slash command from {@link EmulatorState#newSlashCommand}) is applied as Discord applies
 * an initial response, so the bot's later webhook calls (edit {@code @original}, follow-ups) work.
 */
final class HttpInteractions implements DeliveryListener {

    private final EmulatorState state;
    private final InteractionCallbacks callbacks;
    private final List<RequestBodyValidator> validators;

    /**
     * @param validators the REST pipeline's body validators: an answer must pass them as if it had been
     *                   POSTed to the interaction's callback route
     */
    HttpInteractions(EmulatorState state, InteractionCallbacks callbacks, List<RequestBodyValidator> validators) {
        this.state = state;
        this.callbacks = callbacks;
        this.validators = List.copyOf(validators);
    }

    /** Signs, delivers, records and (for a tracked interaction) applies. */
    InteractionDelivery send(InteractionSender quietSender, URI endpoint, JsonNode interaction) {
        return record(endpoint, quietSender.send(endpoint, interaction));
    }

    @Override
    public void delivered(URI endpoint, Delivery delivery) {
        record(endpoint, delivery);
    }

    private InteractionDelivery record(URI endpoint, Delivery delivery) {
        JsonNode request = parse(delivery.request().body());
        long id = snowflake(request.path("id"));
        int type = request.path("type").isInt() ? request.path("type").asInt() : -1;
        String token = request.path("token").asText("");
        Optional<PendingInteraction> tracked = token.isEmpty() ? Optional.empty()
                : state.locked(() -> state.interactions().byToken(token)).filter(pending -> pending.id() == id);
        InteractionDelivery.Outcome outcome = InteractionDelivery.Outcome.NOT_TRACKED;
        Optional<String> refusal = Optional.empty();
        if (tracked.isPresent()) {
            if (!delivery.acceptable()) {
                outcome = InteractionDelivery.Outcome.REFUSED;
                refusal = Optional.of(String.join("; ", delivery.problems()));
            } else {
                JsonNode callback = parse(delivery.body());
                Optional<ErrorBody> refused = validate(tracked.get(), callback);
                if (refused.isEmpty()) {
                    refused = callbacks.accept(tracked.get(), callback);
                }
                outcome = refused.isEmpty() ? InteractionDelivery.Outcome.APPLIED : InteractionDelivery.Outcome.REFUSED;
                refusal = refused.map(error -> error.status() + " " + Json.write(error.body()));
            }
        }
        InteractionDelivery recorded = new InteractionDelivery(endpoint, id, type, delivery, outcome, refusal, Instant.now());
        state.recorded().interactionDelivery(recorded);
        return recorded;
    }

    private Optional<ErrorBody> validate(PendingInteraction interaction, JsonNode callback) {
        String path = "/interactions/" + Long.toUnsignedString(interaction.id()) + "/" + interaction.token() + "/callback";
        for (RequestBodyValidator validator : validators) {
            Optional<ErrorBody> error = validator.validate("POST", path, callback);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private static JsonNode parse(byte[] body) {
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = Json.parse(body);
            return node == null ? Json.object() : node;
        } catch (IOException | RuntimeException notJson) {
            return Json.object();
        }
    }

    private static long snowflake(JsonNode id) {
        try {
            return id.isTextual() ? Long.parseUnsignedLong(id.asText()) : id.asLong(0);
        } catch (NumberFormatException notAnId) {
            return 0;
        }
    }
}
