package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.gateway.GatewayHub;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.MessageEdit;
import io.serverpulse.emulator.state.StoredMessage;

/**
 * Stores what the bot did to a message and dispatches the matching gateway event in one step
 * under the state lock, so the gateway sees changes in the order they happened. Ephemeral
 * messages are never dispatched, as on Discord.
 */
final class MessageEvents {

    private final EmulatorState state;
    private final GatewayHub hub;

    MessageEvents(EmulatorState state, GatewayHub hub) {
        this.state = state;
        this.hub = hub;
    }

    void created(StoredMessage message) {
        state.locked(() -> {
            state.putMessage(message);
            if (!message.ephemeral()) {
                hub.dispatchGuildContent(message.guildId(), "MESSAGE_CREATE", state.payloads().messageDispatch(message, true), null);
            }
        });
    }

    void edited(StoredMessage message, com.fasterxml.jackson.databind.JsonNode payload) {
        state.locked(() -> {
            state.putMessage(message);
            state.recordEdit(new MessageEdit(message.id(), message.channelId(), message.source(), payload, message.editedAt()));
            if (!message.ephemeral()) {
                hub.dispatchGuildContent(message.guildId(), "MESSAGE_UPDATE", state.payloads().messageDispatch(message, true), null);
            }
        });
    }

    void deleted(StoredMessage message) {
        state.locked(() -> {
            state.removeMessage(message.id());
            if (!message.ephemeral()) {
                ObjectNode d = Json.object();
                d.put("id", Json.id(message.id()));
                d.put("channel_id", Json.id(message.channelId()));
                d.put("guild_id", Json.id(message.guildId()));
                hub.dispatchGuild(message.guildId(), "MESSAGE_DELETE", d);
            }
        });
    }

    /**
     * Whether the app may read this message's content over REST: it is granted MESSAGE_CONTENT,
     * or the message is its own, or mentions it.
     */
    boolean contentVisible(StoredMessage message) {
        long botId = state.application().botUserId();
        return Intents.has(state.application().grantedPrivilegedIntents(), Intents.MESSAGE_CONTENT)
                || message.authorId() == botId || message.viaWebhook()
                || message.content().contains("<@" + botId + ">") || message.content().contains("<@!" + botId + ">");
    }
}
