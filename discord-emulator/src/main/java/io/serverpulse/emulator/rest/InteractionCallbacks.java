package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.gateway.GatewayHub;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.InteractionCallback;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.MessageSource;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredAttachment;
import io.serverpulse.emulator.state.StoredMessage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Discord does with an interaction response, however it arrives: POSTed by the bot to
 * {@code /interactions/{id}/{token}/callback}, or answered to an interaction delivered over HTTP.
 * The interaction is acknowledged, the callback recorded, and a message response (type 4, or the
 * "thinking" placeholder of a type 5) becomes the interaction's {@code @original} message, created
 * and dispatched as MESSAGE_CREATE.
 */
public final class InteractionCallbacks {

    private static final int PING = 1;
    private static final int APPLICATION_COMMAND = 2;
    private static final int MESSAGE_COMPONENT = 3;
    private static final int AUTOCOMPLETE = 4;
    private static final int MODAL_SUBMIT = 5;
    private static final int CHAT_INPUT_COMMAND_MESSAGE = 20;

    /** Which callback types each interaction type allows. */
    private static final Map<Integer, Set<Integer>> ALLOWED = Map.of(
            PING, Set.of(1),
            APPLICATION_COMMAND, Set.of(4, 5, 9, 10, 12),
            MESSAGE_COMPONENT, Set.of(4, 5, 6, 7, 9, 10, 12),
            AUTOCOMPLETE, Set.of(8),
            MODAL_SUBMIT, Set.of(4, 5, 6, 7, 10, 12));

    private final EmulatorState state;
    private final MessageComposer composer;
    private final MessageEvents events;

    public InteractionCallbacks(EmulatorState state, GatewayHub hub) {
        this(state, new MessageComposer(state), new MessageEvents(state, hub));
    }

    InteractionCallbacks(EmulatorState state, MessageComposer composer, MessageEvents events) {
        this.state = state;
        this.composer = composer;
        this.events = events;
    }

    /**
     * Takes an interaction response delivered as the answer to an HTTP interaction.
     *
     * @return Discord's error when it refuses the response (a type not allowed for the interaction,
     *         or an interaction already acknowledged); empty when it was applied
     */
    public Optional<ErrorBody> accept(PendingInteraction interaction, JsonNode callback) {
        try {
            respond(interaction, callback, List.of(), false);
            return Optional.empty();
        } catch (DiscordException refused) {
            return Optional.of(refused.error());
        }
    }

    /**
     * Applies a callback; returns the {@code with_response} body when asked for one.
     *
     * @throws DiscordException when Discord would refuse it
     */
    Optional<ObjectNode> respond(PendingInteraction interaction, JsonNode body, List<MultipartParser.Part> files, boolean withResponse) {
        int type = body.path("type").asInt(-1);
        if (!ALLOWED.getOrDefault(interaction.type(), Set.of()).contains(type)) {
            ObjectNode errors = Json.object();
            FormErrors.add(errors, "type", "BASE_TYPE_CHOICES",
                    "Value must be one of " + ALLOWED.getOrDefault(interaction.type(), Set.of()) + ".");
            throw new DiscordException(ErrorBody.invalidFormBody(errors));
        }
        JsonNode data = body.path("data").isObject() ? body.get("data") : Json.object();
        return state.locked(() -> {
            if (interaction.acknowledged()) {
                throw new DiscordException(ErrorBody.alreadyAcknowledged());
            }
            StoredMessage message = null;
            if (type == 4) {
                MessageComposer.Draft draft = composer.forCreate(data, files);
                message = newMessage(interaction, MessageSource.INTERACTION_RESPONSE, draft, data);
            } else if (type == 5 && interaction.type() != MESSAGE_COMPONENT) {
                int flags = StoredMessage.FLAG_LOADING | (data.path("flags").asInt(0) & StoredMessage.FLAG_EPHEMERAL);
                message = new StoredMessage(state.ids().next(), interaction.guildId(), interaction.channelId(),
                        state.application().botUserId(), MessageSource.INTERACTION_RESPONSE, CHAT_INPUT_COMMAND_MESSAGE, "",
                        List.of(), List.of(), List.of(), flags, null, null, interaction.id(), state.clock().now(), null, data);
            }
            List<StoredAttachment> attachments = message == null ? List.of() : message.attachments();
            state.acknowledge(interaction, new InteractionCallback(interaction.id(), type, body.path("data").isObject() ? data : null,
                    attachments, state.clock().now()));
            if (message != null) {
                state.setOriginal(interaction, message.id());
                events.created(message);
            }
            if (!withResponse) {
                return Optional.<ObjectNode>empty();
            }
            ObjectNode response = Json.object();
            ObjectNode about = response.putObject("interaction");
            about.put("id", Json.id(interaction.id()));
            about.put("type", interaction.type());
            if (message != null) {
                about.put("response_message_id", Json.id(message.id()));
                about.put("response_message_loading", (message.flags() & StoredMessage.FLAG_LOADING) != 0);
                about.put("response_message_ephemeral", message.ephemeral());
            }
            ObjectNode resource = response.putObject("resource");
            resource.put("type", type);
            if (message != null) {
                resource.set("message", state.payloads().message(message, true));
            }
            return Optional.of(response);
        });
    }

    StoredMessage newMessage(PendingInteraction interaction, MessageSource source, MessageComposer.Draft draft, JsonNode payload) {
        return new StoredMessage(state.ids().next(), interaction.guildId(), interaction.channelId(),
                state.application().botUserId(), source, source == MessageSource.INTERACTION_RESPONSE ? CHAT_INPUT_COMMAND_MESSAGE : 0,
                draft.content(), draft.embeds(), draft.attachments(), draft.components(),
                draft.flags() & (StoredMessage.FLAG_EPHEMERAL | (1 << 2) | (1 << 12)), null, null, interaction.id(),
                state.clock().now(), null, payload);
    }
}
