package io.serverpulse.common.ai;

import java.time.Instant;
import java.util.Objects;

/**
 * An AI-written summary, cached per guild and period ({@code periodKey}, e.g.
 * {@code weekly:2026-11-23}). Written from aggregates only, and stored as cleaned for Discord.
 *
 * @param inputHash {@link SummaryPrompt#hash} of the numbers it was written from: a cached summary is
 *     reused only for the same numbers; empty for summaries stored before the hash was kept
 * @param inputTokens prompt tokens the provider reported (0 when unknown)
 * @param outputTokens answer tokens the provider reported (0 when unknown)
 */
public record AiSummary(long guildId, String periodKey, AiProvider provider, String model, String text, Instant createdAt,
                        String inputHash, int inputTokens, int outputTokens) {

    public AiSummary {
        Objects.requireNonNull(periodKey, "periodKey");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        model = model == null ? "" : model;
        inputHash = inputHash == null ? "" : inputHash;
        inputTokens = Math.max(0, inputTokens);
        outputTokens = Math.max(0, outputTokens);
    }

    /** A summary without hash or token counts (as stored before they were kept). */
    public AiSummary(long guildId, String periodKey, AiProvider provider, String model, String text, Instant createdAt) {
        this(guildId, periodKey, provider, model, text, createdAt, "", 0, 0);
    }
}
