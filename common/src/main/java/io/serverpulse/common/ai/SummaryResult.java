package io.serverpulse.common.ai;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The paragraph to show beside a digest's numbers: written by {@code provider} (with {@code model}),
 * or, when no provider could, the rule-written paragraph ({@code provider} empty).
 *
 * @param cached whether it came from {@code ai_summaries} without asking a provider
 * @param attempts every provider turn taken for it (empty when cached or when the guild has no provider)
 */
public record SummaryResult(String text, Optional<AiProvider> provider, String model, boolean cached,
                            List<ProviderChain.Attempt> attempts) {

    public SummaryResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(provider, "provider");
        model = model == null ? "" : model;
        attempts = List.copyOf(attempts);
    }

    /** Whether an AI provider wrote {@link #text()}; false means the rule-written paragraph. */
    public boolean byAi() {
        return provider.isPresent();
    }
}
