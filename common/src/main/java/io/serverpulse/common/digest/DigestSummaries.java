package io.serverpulse.common.digest;

import io.serverpulse.common.ai.SummaryInput;
import io.serverpulse.common.ai.SummaryResult;
import io.serverpulse.common.ai.SummaryWriter;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * The AI summary shown beside a digest's rule-written paragraph: written from the report's aggregates by the
 * guild's providers in order, within the writer's budget, cached by guild, period and numbers. Never throws and
 * never waits past the budget: when no provider could write it the result says so, and the digest is posted
 * with the rule-written paragraph alone.
 */
public interface DigestSummaries {

    /** No AI at all (tests and tools that render digests without providers). */
    DigestSummaries NONE = (settings, report, texts) -> Optional.empty();

    /**
     * The summary of {@code report} in the language of {@code texts}; empty when the guild chose no AI provider or
     * nothing was counted in the period (there is nothing to summarise).
     */
    Optional<SummaryResult> summarize(GuildSettings settings, DigestReport report, Texts texts);

    static DigestSummaries of(SummaryWriter writer) {
        Objects.requireNonNull(writer, "writer");
        return (settings, report, texts) -> {
            if (settings.aiChain().isEmpty() || report.quiet()) {
                return Optional.empty();
            }
            SummaryInput input = DigestSummaryInput.of(report, texts.language());
            return Optional.of(writer.summarize(settings, report.period().key(), input, () -> WhatChanged.paragraph(report, texts)));
        };
    }
}
