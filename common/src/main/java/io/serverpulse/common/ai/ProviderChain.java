package io.serverpulse.common.ai;

import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.discord.rest.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Asks a guild's providers in order until one gives a usable answer, inside an overall time budget.
 * A provider is left for the next one on a 429 (after waiting its {@code Retry-After} once, when that
 * is short and fits the budget), a 5xx, a timeout, a network error, an answer that cannot be used,
 * or any refusal; a provider without a key, or whose key does not open, is skipped. Each key is
 * opened just before its call and dropped after it; keys are never logged or returned.
 */
public final class ProviderChain {

    /** Below this much time left no provider is asked. */
    static final Duration MIN_CALL = Duration.ofMillis(500);

    /**
     * @param callTimeout the longest one call may take
     * @param maxRetryWait the longest {@code Retry-After} that is waited out (longer ones: next provider)
     * @param budget the longest the whole chain may take, waits included
     */
    public record Policy(Duration callTimeout, Duration maxRetryWait, Duration budget) {
        public Policy {
            Objects.requireNonNull(callTimeout, "callTimeout");
            Objects.requireNonNull(maxRetryWait, "maxRetryWait");
            Objects.requireNonNull(budget, "budget");
        }

        /** A digest summary: 20 s a call, Retry-After up to 5 s, 45 s in all. */
        public static Policy summaries() {
            return new Policy(Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(45));
        }
    }

    /** How one provider's turn ended. */
    public enum Outcome {
        ANSWERED, FAILED, NO_KEY, KEY_UNREADABLE, NO_TIME_LEFT
    }

    /**
     * One provider's turn.
     *
     * @param failure why it failed, when {@code outcome} is FAILED
     * @param detail the provider's error in its words (safe to show an admin), or empty
     */
    public record Attempt(AiProvider provider, String model, Outcome outcome, AiFailure.Kind failure, String detail,
                          Duration took) {
        @Override
        public String toString() {
            return provider.option() + " " + (failure == null ? outcome : failure) + " in " + took.toMillis() + " ms";
        }
    }

    /** The accepted answer: {@code text} as {@code accept} returned it. */
    public record Answer(AiProvider provider, String model, String text, AiReply reply) {
    }

    /** The answer, if any provider gave a usable one, and every turn taken. */
    public record Result(Optional<Answer> answer, List<Attempt> attempts) {
    }

    private final AiClient client;
    private final Optional<SecretSealer> sealer;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    public ProviderChain(AiClient client, Optional<SecretSealer> sealer) {
        this(client, sealer, Sleeper.SYSTEM, System::nanoTime);
    }

    public ProviderChain(AiClient client, Optional<SecretSealer> sealer, Sleeper sleeper, LongSupplier nanoTime) {
        this.client = Objects.requireNonNull(client, "client");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Runs the chain.
     *
     * @param accept turns a raw answer into the text to keep (e.g. {@link AnswerCleaner}), or empty
     *     when it cannot be used; the next provider is asked then
     */
    public Result run(long guildId, List<AiProviderEntry> chain, AiPrompt prompt, Policy policy,
                      Function<String, Optional<String>> accept) {
        long deadline = nanoTime.getAsLong() + policy.budget().toNanos();
        List<Attempt> attempts = new ArrayList<>();
        for (AiProviderEntry entry : chain) {
            Optional<Answer> answer = turn(guildId, entry, prompt, policy, accept, deadline, attempts);
            if (answer.isPresent()) {
                return new Result(answer, List.copyOf(attempts));
            }
        }
        return new Result(Optional.empty(), List.copyOf(attempts));
    }

    private Optional<Answer> turn(long guildId, AiProviderEntry entry, AiPrompt prompt, Policy policy,
                                  Function<String, Optional<String>> accept, long deadline, List<Attempt> attempts) {
        String model = entry.effectiveModel();
        if (!entry.hasKey()) {
            attempts.add(new Attempt(entry.provider(), model, Outcome.NO_KEY, null, "", Duration.ZERO));
            return Optional.empty();
        }
        boolean retried = false;
        while (true) {
            Duration left = Duration.ofNanos(deadline - nanoTime.getAsLong());
            if (left.compareTo(MIN_CALL) < 0) {
                attempts.add(new Attempt(entry.provider(), model, Outcome.NO_TIME_LEFT, null, "", Duration.ZERO));
                return Optional.empty();
            }
            Optional<String> key = openKey(guildId, entry);
            if (key.isEmpty()) {
                attempts.add(new Attempt(entry.provider(), model, Outcome.KEY_UNREADABLE, null,
                        sealer.isEmpty() ? "no master key configured" : "the sealed key does not open", Duration.ZERO));
                return Optional.empty();
            }
            Duration timeout = left.compareTo(policy.callTimeout()) < 0 ? left : policy.callTimeout();
            long started = nanoTime.getAsLong();
            try {
                AiReply reply = client.complete(new AiCall(entry.provider(), entry.model(), key.get(), prompt, timeout));
                Duration took = Duration.ofNanos(nanoTime.getAsLong() - started);
                Optional<String> text = accept.apply(reply.text());
                if (text.isEmpty()) {
                    attempts.add(new Attempt(entry.provider(), model, Outcome.FAILED, AiFailure.Kind.UNUSABLE_ANSWER,
                            "the answer was empty once cleaned", took));
                    return Optional.empty();
                }
                attempts.add(new Attempt(entry.provider(), model, Outcome.ANSWERED, null, "", took));
                return Optional.of(new Answer(entry.provider(), reply.model().isEmpty() ? model : reply.model(), text.get(), reply));
            } catch (AiFailure failure) {
                Duration took = Duration.ofNanos(nanoTime.getAsLong() - started);
                attempts.add(new Attempt(entry.provider(), model, Outcome.FAILED, failure.kind(), failure.getMessage(), took));
                Optional<Duration> wait = failure.kind() == AiFailure.Kind.RATE_LIMITED ? failure.retryAfter() : Optional.empty();
                Duration afterWait = Duration.ofNanos(deadline - nanoTime.getAsLong()).minus(wait.orElse(Duration.ZERO));
                if (retried || wait.isEmpty() || wait.get().compareTo(policy.maxRetryWait()) > 0
                        || afterWait.compareTo(MIN_CALL) < 0) {
                    return Optional.empty();
                }
                retried = true;
                if (!sleep(wait.get())) {
                    return Optional.empty();
                }
            }
        }
    }

    private Optional<String> openKey(long guildId, AiProviderEntry entry) {
        if (sealer.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(sealer.get().open(guildId, entry.keyCiphertext()));
        } catch (SecretSealer.SealedSecretException e) {
            return Optional.empty();
        }
    }

    private boolean sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
