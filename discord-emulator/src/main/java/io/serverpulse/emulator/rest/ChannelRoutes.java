package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.emulator.state.ChannelRecord;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.MessageSource;
import io.serverpulse.emulator.state.Permissions;
import io.serverpulse.emulator.state.StoredMessage;

import java.util.List;

/** Channels and their messages: GET channel, list/get/create/edit/delete messages. */
final class ChannelRoutes {

    private final EmulatorState state;
    private final MessageComposer composer;
    private final MessageEvents events;

    ChannelRoutes(EmulatorState state, MessageComposer composer, MessageEvents events) {
        this.state = state;
        this.composer = composer;
        this.events = events;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/channels/{channel_id}", true, this::getChannel),
                new Route("GET", "/channels/{channel_id}/messages", true, this::listMessages),
                new Route("POST", "/channels/{channel_id}/messages", true, this::createMessage),
                new Route("GET", "/channels/{channel_id}/messages/{message_id}", true, this::getMessage),
                new Route("PATCH", "/channels/{channel_id}/messages/{message_id}", true, this::editMessage),
                new Route("DELETE", "/channels/{channel_id}/messages/{message_id}", true, this::deleteMessage));
    }

    private ChannelRecord channel(RestRequest request) {
        long id = request.snowflake("channel_id", ErrorBody.unknownChannel());
        return state.channel(id).orElseThrow(() -> new DiscordException(ErrorBody.unknownChannel()));
    }

    private StoredMessage message(RestRequest request, ChannelRecord channel) {
        long id = request.snowflake("message_id", ErrorBody.unknownMessage());
        return state.message(id).filter(m -> m.channelId() == channel.id() && !m.ephemeral())
                .orElseThrow(() -> new DiscordException(ErrorBody.unknownMessage()));
    }

    private long botPermissions(ChannelRecord channel) {
        return state.locked(() -> state.guild(channel.guildId()).map(g -> g.permissionsOf(state.application().botUserId())).orElse(0L));
    }

    private RestResponse getChannel(RestRequest request) {
        return RestResponse.ok(state.locked(() -> state.payloads().channel(channel(request))));
    }

    private RestResponse listMessages(RestRequest request) {
        ChannelRecord channel = channel(request);
        int limit = Math.max(1, Math.min(100, request.queryParam("limit").map(Integer::parseInt).orElse(50)));
        ArrayNode array = Json.array();
        state.locked(() -> state.channelMessages(channel.id(), limit)
                .forEach(m -> array.add(state.payloads().message(m, events.contentVisible(m)))));
        return RestResponse.ok(array);
    }

    private RestResponse getMessage(RestRequest request) {
        ChannelRecord channel = channel(request);
        StoredMessage message = message(request, channel);
        return RestResponse.ok(state.locked(() -> state.payloads().message(message, events.contentVisible(message))));
    }

    private RestResponse createMessage(RestRequest request) {
        ChannelRecord channel = channel(request);
        if (!channel.acceptsMessages()) {
            throw new DiscordException(ErrorBody.nonTextChannel());
        }
        long granted = botPermissions(channel);
        long needed = Permissions.VIEW_CHANNEL | Permissions.SEND_MESSAGES
                | (request.files().isEmpty() ? 0 : Permissions.ATTACH_FILES);
        if (!Permissions.has(granted, needed)) {
            throw new DiscordException(ErrorBody.missingPermissions());
        }
        MessageComposer.Draft draft = composer.forCreate(request.body(), request.files());
        StoredMessage message = new StoredMessage(state.ids().next(), channel.guildId(), channel.id(),
                state.application().botUserId(), MessageSource.CHANNEL, draft.messageReference() == null ? 0 : 19,
                draft.content(), draft.embeds(), draft.attachments(), draft.components(),
                draft.flags() & ~StoredMessage.FLAG_EPHEMERAL, draft.nonce(), draft.messageReference(), null,
                state.clock().now(), null, request.body());
        events.created(message);
        return RestResponse.ok(state.locked(() -> state.payloads().message(message, true)));
    }

    private RestResponse editMessage(RestRequest request) {
        ChannelRecord channel = channel(request);
        StoredMessage current = message(request, channel);
        if (current.authorId() != state.application().botUserId() || current.viaWebhook()) {
            throw new DiscordException(ErrorBody.cannotEditOthers());
        }
        MessageComposer.Draft draft = composer.forEdit(current, request.body(), request.files());
        StoredMessage edited = current.edited(draft.content(), draft.embeds(), draft.attachments(), draft.components(),
                draft.flags(), state.clock().now(), request.body());
        events.edited(edited, request.body());
        return RestResponse.ok(state.locked(() -> state.payloads().message(edited, true)));
    }

    private RestResponse deleteMessage(RestRequest request) {
        ChannelRecord channel = channel(request);
        StoredMessage current = message(request, channel);
        boolean own = current.authorId() == state.application().botUserId() && !current.viaWebhook();
        if (!own && !Permissions.has(botPermissions(channel), Permissions.MANAGE_MESSAGES)) {
            throw new DiscordException(ErrorBody.missingPermissions());
        }
        events.deleted(current);
        return RestResponse.noContent();
    }
}
