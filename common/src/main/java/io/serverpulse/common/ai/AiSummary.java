package io.serverpulse.common.ai;

import java.time.Instant;
import java.util.Objects;

/**
 * An AI-written digest summary, cached per guild and period ({@code periodKey}, e.g.
 * {@code weekly:2026-11-23}). Written from aggregates only.
 */
public record AiSummary(long guildId, String periodKey, AiProvider provider, String model, String text, Instant createdAt) {

    public AiSummary {
        Objects.requireNonNull(periodKey, "periodKey");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        model = model == null ? "" : model;
    }
}
