package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import org.junit.jupiter.api.Test;

/**
 * The {@link io.serverpulse.common.ai.SummaryStore} part of the storage contract: one AI summary per
 * guild and period key, replaced when written again. A summary expires at
 * {@link io.serverpulse.common.ai.AiSummary#createdAt()} plus the guild's summary retention.
 */
public interface SummaryStoreContract extends StoreContractPart {

    @Test
    default void summariesAreCachedPerGuildAndPeriodKey() {
        // GIVEN a summary for a week in guild A, and one with the same key in guild B
        AiSummary first = new AiSummary(GUILD_A, "weekly:2026-06-08", AiProvider.GEMINI, "gemini-test",
                "Activity rose 12 % — évènements ✨", at("2026-06-15T06:00:00.123Z"));
        AiSummary other = new AiSummary(GUILD_B, "weekly:2026-06-08", AiProvider.OPENAI, "", "Quiet week.", at("2026-06-15T06:00:01Z"));
        store().saveSummary(first);
        store().saveSummary(other);

        // WHEN guild A's summary is rewritten
        AiSummary rewritten = new AiSummary(GUILD_A, "weekly:2026-06-08", AiProvider.GROQ, "llama-test", "Rewritten.",
                at("2026-06-15T07:00:00Z"));
        store().saveSummary(rewritten);

        // THEN each guild reads its own, the rewrite replaced the first, unknown keys are empty
        assertThat(store().summary(GUILD_A, "weekly:2026-06-08")).contains(rewritten);
        assertThat(store().summary(GUILD_B, "weekly:2026-06-08")).contains(other);
        assertThat(store().summary(GUILD_A, "weekly:2026-06-01")).isEmpty();
    }

    @Test
    default void aSummaryKeepsTheHashOfItsNumbersAndItsTokenCounts() {
        // GIVEN a summary with the hash of the numbers it was written from and the provider's token counts
        AiSummary summary = new AiSummary(GUILD_A, "pulse-7d:2026-06-15T10", AiProvider.ANTHROPIC, "claude-haiku-4-5-20251001",
                "Member #1 led a busier week.", at("2026-06-15T10:00:00Z"), "0f1e2d3c4b5a69788796a5b4c3d2e1f0", 412, 41);

        // WHEN it is saved and read back
        store().saveSummary(summary);

        // THEN nothing is lost
        assertThat(store().summary(GUILD_A, "pulse-7d:2026-06-15T10")).contains(summary);
    }

}
