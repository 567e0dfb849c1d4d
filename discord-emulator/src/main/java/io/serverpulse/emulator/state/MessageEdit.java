package io.serverpulse.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One edit of a bot message (PATCH on the channel route or on the interaction webhook), with its payload. */
public record MessageEdit(long messageId, long channelId, MessageSource source, JsonNode payload, Instant at) {
}
