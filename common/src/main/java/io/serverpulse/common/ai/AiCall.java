package io.serverpulse.common.ai;

import java.time.Duration;
import java.util.Objects;

/**
 * One request to one provider. {@code apiKey} is the guild's key, opened from its sealed form just
 * for this call; {@link #toString()} leaves it out, and nothing keeps the call after it returns.
 *
 * @param timeout the longest the whole exchange (connect, request, answer) may take
 */
public record AiCall(AiProvider provider, String model, String apiKey, AiPrompt prompt, Duration timeout) {

    public AiCall {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(timeout, "timeout");
        model = provider.modelOrDefault(model);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    @Override
    public String toString() {
        return "AiCall[" + provider.option() + ", model=" + model + ", timeout=" + timeout + "]";
    }
}
