package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.InteractionCallback;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.MessageSource;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredAttachment;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.emulator.state.WebhookCall;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interaction responses: the callback ({@code POST /interactions/{id}/{token}/callback}) and the
 * interaction's webhook (follow-ups, and GET/PATCH/DELETE of {@code @original} or a follow-up).
 * These routes are authorised by the interaction token in the path, not the bot token.
 */
final class InteractionRoutes {

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

    InteractionRoutes(EmulatorState state, MessageComposer composer, MessageEvents events) {
        this.state = state;
        this.composer = composer;
        this.events = events;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/interactions/{interaction_id}/{interaction_token}/callback", false, this::callback),
                new Route("POST", "/webhooks/{application_id}/{interaction_token}", false, this::followUp),
                new Route("GET", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", false, this::getMessage),
                new Route("PATCH", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", false, this::editMessage),
                new Route("DELETE", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", false, this::deleteMessage));
    }

    private RestResponse callback(RestRequest request) {
        long interactionId = request.snowflake("interaction_id", ErrorBody.unknownInteraction());
        PendingInteraction interaction = state.locked(() -> state.interactions().byToken(request.param("interaction_token"))
                .filter(i -> i.id() == interactionId)
                .orElseThrow(() -> new DiscordException(ErrorBody.unknownInteraction())));
        JsonNode body = request.body();
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
                MessageComposer.Draft draft = composer.forCreate(data, request.files());
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
            if (!request.queryFlag("with_response")) {
                return RestResponse.noContent();
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
            return RestResponse.ok(response);
        });
    }

    private StoredMessage newMessage(PendingInteraction interaction, MessageSource source, MessageComposer.Draft draft, JsonNode payload) {
        return new StoredMessage(state.ids().next(), interaction.guildId(), interaction.channelId(),
                state.application().botUserId(), source, source == MessageSource.INTERACTION_RESPONSE ? CHAT_INPUT_COMMAND_MESSAGE : 0,
                draft.content(), draft.embeds(), draft.attachments(), draft.components(),
                draft.flags() & (StoredMessage.FLAG_EPHEMERAL | (1 << 2) | (1 << 12)), null, null, interaction.id(),
                state.clock().now(), null, payload);
    }

    /** The acknowledged interaction behind a webhook path, or 404 Unknown Webhook. */
    private PendingInteraction webhookInteraction(RestRequest request) {
        long appId = request.snowflake("application_id", ErrorBody.unknownWebhook());
        return state.locked(() -> state.interactions().byToken(request.param("interaction_token"))
                .filter(i -> appId == state.application().id() && i.acknowledged())
                .orElseThrow(() -> new DiscordException(ErrorBody.unknownWebhook())));
    }

    private StoredMessage webhookMessage(RestRequest request, PendingInteraction interaction) {
        String ref = request.param("message_id");
        Long id;
        if (ref.equals("@original")) {
            id = interaction.originalMessageId().orElse(null);
        } else {
            long wanted = request.snowflake("message_id", ErrorBody.unknownMessage());
            boolean ours = interaction.originalMessageId().map(o -> o == wanted).orElse(false)
                    || interaction.followUpIds().contains(wanted);
            id = ours ? wanted : null;
        }
        if (id == null) {
            throw new DiscordException(ErrorBody.unknownMessage());
        }
        return state.message(id).orElseThrow(() -> new DiscordException(ErrorBody.unknownMessage()));
    }

    private void record(RestRequest request, PendingInteraction interaction, String messageRef, int status) {
        boolean hasBody = !request.method().equals("GET") && !request.method().equals("DELETE");
        state.recorded().webhookCall(new WebhookCall(request.method(), interaction.id(), messageRef,
                hasBody ? request.body().deepCopy() : null, status, state.clock().now()));
    }

    private RestResponse followUp(RestRequest request) {
        PendingInteraction interaction = webhookInteraction(request);
        MessageComposer.Draft draft = composer.forCreate(request.body(), request.files());
        StoredMessage message = newMessage(interaction, MessageSource.FOLLOW_UP, draft, request.body());
        state.locked(() -> {
            state.addFollowUp(interaction, message.id());
            events.created(message);
        });
        record(request, interaction, null, 200);
        return RestResponse.ok(state.locked(() -> state.payloads().message(message, true)));
    }

    private RestResponse getMessage(RestRequest request) {
        PendingInteraction interaction = webhookInteraction(request);
        StoredMessage message = webhookMessage(request, interaction);
        record(request, interaction, request.param("message_id"), 200);
        return RestResponse.ok(state.locked(() -> state.payloads().message(message, true)));
    }

    private RestResponse editMessage(RestRequest request) {
        PendingInteraction interaction = webhookInteraction(request);
        StoredMessage current = webhookMessage(request, interaction);
        MessageComposer.Draft draft = composer.forEdit(current, request.body(), request.files());
        int flags = (draft.flags() & ~StoredMessage.FLAG_LOADING) | (current.flags() & StoredMessage.FLAG_EPHEMERAL);
        StoredMessage edited = current.edited(draft.content(), draft.embeds(), draft.attachments(), draft.components(),
                flags, state.clock().now(), request.body());
        events.edited(edited, request.body());
        record(request, interaction, request.param("message_id"), 200);
        return RestResponse.ok(state.locked(() -> state.payloads().message(edited, true)));
    }

    private RestResponse deleteMessage(RestRequest request) {
        PendingInteraction interaction = webhookInteraction(request);
        StoredMessage current = webhookMessage(request, interaction);
        events.deleted(current);
        record(request, interaction, request.param("message_id"), 204);
        return RestResponse.noContent();
    }
}
