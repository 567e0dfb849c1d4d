package io.serverpulse.emulator.rest;

import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.MessageSource;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.emulator.state.WebhookCall;

import java.util.List;

/**
 * Interaction responses: the callback ({@code POST /interactions/{id}/{token}/callback}) and the
 * interaction's webhook (follow-ups, and GET/PATCH/DELETE of {@code @original} or a follow-up).
 * These routes are authorised by the interaction token in the path, not the bot token.
 */
final class InteractionRoutes {

    private final EmulatorState state;
    private final MessageComposer composer;
    private final MessageEvents events;
    private final InteractionCallbacks callbacks;

    InteractionRoutes(EmulatorState state, MessageComposer composer, MessageEvents events) {
        this.state = state;
        this.composer = composer;
        this.events = events;
        this.callbacks = new InteractionCallbacks(state, composer, events);
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
        return callbacks.respond(interaction, request.body(), request.files(), request.queryFlag("with_response"))
                .map(RestResponse::ok)
                .orElseGet(RestResponse::noContent);
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
        StoredMessage message = callbacks.newMessage(interaction, MessageSource.FOLLOW_UP, draft, request.body());
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
