package io.serverpulse.common.ai;

import io.serverpulse.common.ai.client.HttpAiClient;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.MasterKeys;
import io.serverpulse.common.crypto.SecretSealer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What every use of the AI providers shares in one process: the client (one {@code java.net.http} client), the
 * sealer that opens the guilds' keys just for a call, and the time budgets. Built once per process or Lambda
 * container ({@link #of(ServerPulseConfig)}); the digest, {@code /pulse}, {@code /askpulse} and
 * {@code /ai-provider test} take their parts from it.
 */
public final class AiServices {

    /** The longest {@code /pulse} waits for its summary (the member waits for the whole answer). */
    public static final Duration PULSE_BUDGET = Duration.ofSeconds(10);
    /** The longest {@code /askpulse} waits for its answer, all providers included. */
    public static final Duration ASK_BUDGET = Duration.ofSeconds(20);
    /** The longest one call may take. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    /** The longest {@code Retry-After} that is waited out. */
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(5);
    /** The default of {@code AI_SUMMARY_BUDGET_SECONDS}. */
    public static final Duration DEFAULT_DIGEST_BUDGET = Duration.ofSeconds(30);

    private final AiClient client;
    private final Optional<SecretSealer> sealer;
    private final ProviderChain chain;
    private final Duration digestBudget;

    public AiServices(AiClient client, Optional<SecretSealer> sealer, Duration digestBudget) {
        this.client = Objects.requireNonNull(client, "client");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.digestBudget = Objects.requireNonNull(digestBudget, "digestBudget");
        this.chain = new ProviderChain(client, sealer);
    }

    /** The providers at {@code endpoints}, keys opened with {@code sealer}, digests waiting the default budget. */
    public static AiServices of(AiEndpoints endpoints, Optional<SecretSealer> sealer) {
        return new AiServices(new HttpAiClient(endpoints), sealer, DEFAULT_DIGEST_BUDGET);
    }

    /** As configured: {@code AI_<PROVIDER>_BASE_URL}, {@code SERVERPULSE_MASTER_KEY}, {@code AI_SUMMARY_BUDGET_SECONDS}. */
    public static AiServices of(ServerPulseConfig config) {
        return of(config, MasterKeys.configured(config));
    }

    /** As configured, keys opened with {@code sealer} (self-hosted: the configured or generated master key). */
    public static AiServices of(ServerPulseConfig config, Optional<SecretSealer> sealer) {
        return new AiServices(new HttpAiClient(config.aiEndpoints()), sealer, config.aiSummaryBudget());
    }

    public AiClient client() {
        return client;
    }

    public Optional<SecretSealer> sealer() {
        return sealer;
    }

    public ProviderChain chain() {
        return chain;
    }

    /** A scheduled digest's policy: the configured budget in all. */
    public ProviderChain.Policy digestPolicy() {
        return policy(digestBudget);
    }

    /** {@code /pulse}'s policy: at most {@link #PULSE_BUDGET}, and never more than a digest's. */
    public ProviderChain.Policy pulsePolicy() {
        return policy(digestBudget.compareTo(PULSE_BUDGET) < 0 ? digestBudget : PULSE_BUDGET);
    }

    /** {@code /askpulse}'s policy. */
    public ProviderChain.Policy askPolicy() {
        return policy(ASK_BUDGET);
    }

    /** Summaries cached in {@code cache}, written within {@code policy}. */
    public SummaryWriter summaries(SummaryStore cache, Clock clock, ProviderChain.Policy policy) {
        return new SummaryWriter(chain, cache, clock, policy);
    }

    private static ProviderChain.Policy policy(Duration budget) {
        Duration call = budget.compareTo(CALL_TIMEOUT) < 0 ? budget : CALL_TIMEOUT;
        return new ProviderChain.Policy(call, MAX_RETRY_WAIT, budget);
    }
}
