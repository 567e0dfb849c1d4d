package io.serverpulse.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A call on an interaction's webhook: a follow-up ({@code POST}, messageRef null) or a
 * GET/PATCH/DELETE of {@code @original} or a follow-up id. {@code payload} is null without a body.
 */
public record WebhookCall(String method, long interactionId, String messageRef, JsonNode payload, int status,
                          Instant at) {
}
