package io.serverpulse.common.ai;

import io.serverpulse.common.crypto.SecretSealer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /ai-provider test}: one small call to each of a guild's providers with its settings, and
 * how each went. Nothing is cached, retried or posted; the key is opened for the call only.
 */
public final class ProviderCheck {

    /** The longest one provider's check may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final AiPrompt PROMPT = new AiPrompt("You are checking that an API key works for a Discord bot.",
            "Answer with one short sentence saying that you can read this.", 256);

    /** How one provider's check went. */
    public enum Status {
        OK, NO_KEY, KEY_UNREADABLE, FAILED
    }

    /**
     * @param model the model asked (the guild's or the provider's default)
     * @param failure why it failed, when {@code status} is FAILED
     * @param detail the provider's own words about the failure (safe to show the admin), or empty
     */
    public record Result(AiProvider provider, String model, Status status, AiFailure.Kind failure, String detail,
                         Duration latency) {
    }

    private final AiClient client;
    private final Optional<SecretSealer> sealer;

    public ProviderCheck(AiClient client, Optional<SecretSealer> sealer) {
        this.client = Objects.requireNonNull(client, "client");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    /** Checks every provider in {@code chain}, in order. */
    public List<Result> checkAll(long guildId, List<AiProviderEntry> chain) {
        List<Result> results = new ArrayList<>();
        for (AiProviderEntry entry : chain) {
            results.add(check(guildId, entry));
        }
        return results;
    }

    public Result check(long guildId, AiProviderEntry entry) {
        String model = entry.effectiveModel();
        if (!entry.hasKey()) {
            return new Result(entry.provider(), model, Status.NO_KEY, null, "", Duration.ZERO);
        }
        String key;
        try {
            key = sealer.orElseThrow(() -> new SecretSealer.SealedSecretException("no master key"))
                    .open(guildId, entry.keyCiphertext());
        } catch (SecretSealer.SealedSecretException e) {
            return new Result(entry.provider(), model, Status.KEY_UNREADABLE, null, "", Duration.ZERO);
        }
        long started = System.nanoTime();
        try {
            client.complete(new AiCall(entry.provider(), entry.model(), key, PROMPT, TIMEOUT));
            return new Result(entry.provider(), model, Status.OK, null, "", Duration.ofNanos(System.nanoTime() - started));
        } catch (AiFailure failure) {
            return new Result(entry.provider(), model, Status.FAILED, failure.kind(), failure.getMessage(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
