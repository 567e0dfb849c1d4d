package io.serverpulse.common.ai;

import java.util.Objects;

/**
 * A provider's answer as it came back (not yet cleaned for Discord), with the model that wrote it
 * (as the provider names it) and the token counts it reported (0 when it reported none).
 */
public record AiReply(String text, String model, int inputTokens, int outputTokens) {

    public AiReply {
        Objects.requireNonNull(text, "text");
        model = model == null ? "" : model;
        inputTokens = Math.max(0, inputTokens);
        outputTokens = Math.max(0, outputTokens);
    }
}
