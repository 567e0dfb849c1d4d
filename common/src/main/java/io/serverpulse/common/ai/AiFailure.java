package io.serverpulse.common.ai;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a provider call gave no usable answer. The message is safe to log and to show an admin: it
 * holds the provider's own error text (trimmed, without anything that looks like a key), never the
 * key, the prompt or the answer.
 */
public final class AiFailure extends Exception {

    /** What went wrong, in the terms an admin can act on. */
    public enum Kind {
        /** 401/403, or the provider said the key is invalid. */
        BAD_KEY(false),
        /** The account has no credit or quota left (402, OpenAI's insufficient_quota, …). */
        NO_CREDIT(false),
        /** The model does not exist or the key may not use it. */
        UNKNOWN_MODEL(false),
        /** 429: too many requests now. */
        RATE_LIMITED(true),
        /** 5xx, or an "overloaded" answer. */
        SERVER_ERROR(true),
        /** No answer within the time allowed. */
        TIMEOUT(true),
        /** The provider could not be reached (DNS, refused, reset, TLS). */
        NETWORK(true),
        /** An answer came back but cannot be used: malformed, empty, cut off or blocked. */
        UNUSABLE_ANSWER(true),
        /** Any other refusal (400 and the like). */
        REJECTED(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether the same call may work later; the others need an admin to change something. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public AiFailure(Kind kind, int status, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public AiFailure(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was none (timeout, network). */
    public int status() {
        return status;
    }

    /** How long the provider asked us to wait (429 {@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
