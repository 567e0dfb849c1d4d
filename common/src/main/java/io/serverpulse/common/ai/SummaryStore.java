package io.serverpulse.common.ai;

import java.util.Optional;

/** Cached AI summaries, one per guild and period key. */
public interface SummaryStore {

    void saveSummary(AiSummary summary);

    Optional<AiSummary> summary(long guildId, String periodKey);
}
