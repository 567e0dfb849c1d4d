package io.serverpulse.common.ai;

import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.StoreException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a period's AI summary for a guild, or says that none could be written. It never throws
 * and never takes longer than its policy's budget (plus a cache read and write): with no provider,
 * with every provider failing, or with the store unreachable, the answer is the rule-written
 * paragraph. A summary is cached in {@code ai_summaries} by guild and period with the hash of its
 * numbers, so a retried digest or a repeated {@code /pulse} over the same numbers asks no provider.
 */
public final class SummaryWriter {

    /** Fits an embed field's value (1,024) with room to spare. */
    public static final int MAX_LENGTH = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(SummaryWriter.class);

    private final ProviderChain chain;
    private final SummaryStore cache;
    private final Clock clock;
    private final ProviderChain.Policy policy;

    public SummaryWriter(ProviderChain chain, SummaryStore cache, Clock clock, ProviderChain.Policy policy) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The summary of {@code input} for {@code periodKey}.
     *
     * @param rules the rule-written paragraph, asked for only when no provider's answer is used
     */
    public SummaryResult summarize(GuildSettings settings, String periodKey, SummaryInput input, Supplier<String> rules) {
        long guildId = settings.guildId();
        List<AiProviderEntry> providers = settings.aiChain();
        if (providers.isEmpty()) {
            return new SummaryResult(rules.get(), Optional.empty(), "", false, List.of());
        }
        String hash = SummaryPrompt.hash(input);
        Optional<AiSummary> cached = cached(guildId, periodKey, hash);
        if (cached.isPresent()) {
            LOG.debug("AI summary of guild {} {} reused from the cache", guildId, periodKey);
            return new SummaryResult(cached.get().text(), Optional.of(cached.get().provider()), cached.get().model(), true,
                    List.of());
        }
        ProviderChain.Result result = chain.run(guildId, providers, SummaryPrompt.of(input), policy,
                raw -> AnswerCleaner.clean(raw, MAX_LENGTH));
        String turns = result.attempts().stream().map(Object::toString).collect(Collectors.joining(", "));
        if (result.answer().isEmpty()) {
            LOG.info("AI summary of guild {} {}: no provider could write it ({}); the rule-written paragraph is used",
                    guildId, periodKey, turns);
            return new SummaryResult(rules.get(), Optional.empty(), "", false, result.attempts());
        }
        ProviderChain.Answer answer = result.answer().get();
        LOG.info("AI summary of guild {} {} written by {} ({})", guildId, periodKey, answer.provider().option(), turns);
        save(new AiSummary(guildId, periodKey, answer.provider(), answer.model(), answer.text(), clock.instant(), hash,
                answer.reply().inputTokens(), answer.reply().outputTokens()));
        return new SummaryResult(answer.text(), Optional.of(answer.provider()), answer.model(), false, result.attempts());
    }

    private Optional<AiSummary> cached(long guildId, String periodKey, String hash) {
        try {
            return cache.summary(guildId, periodKey).filter(s -> s.inputHash().equals(hash));
        } catch (StoreException e) {
            LOG.warn("AI summary cache of guild {} unreadable, asking the provider: {}", guildId, e.getMessage());
            return Optional.empty();
        }
    }

    private void save(AiSummary summary) {
        try {
            cache.saveSummary(summary);
        } catch (StoreException e) {
            LOG.warn("AI summary of guild {} {} could not be cached: {}", summary.guildId(), summary.periodKey(),
                    e.getMessage());
        }
    }
}
