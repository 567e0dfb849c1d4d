package io.serverpulse.common.ai;

import java.util.Objects;

/**
 * What is sent to a provider: an instruction ({@code system}), the data and the question
 * ({@code user}), and a bound on the answer's length in tokens. Built only by ServerPulse's own
 * prompt builders from aggregates ({@link SummaryPrompt}); a member's free text reaches it only as
 * the {@code /askpulse} question.
 */
public record AiPrompt(String system, String user, int maxOutputTokens) {

    public AiPrompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        if (maxOutputTokens < 16 || maxOutputTokens > 8192) {
            throw new IllegalArgumentException("maxOutputTokens out of range: " + maxOutputTokens);
        }
    }
}
