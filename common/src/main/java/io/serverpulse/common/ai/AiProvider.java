package io.serverpulse.common.ai;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The AI providers a guild can bring its own key for. */
public enum AiProvider {
    GEMINI("gemini"),
    OPENAI("openai"),
    GROK("grok"),
    OPENROUTER("openrouter"),
    GROQ("groq"),
    ANTHROPIC("anthropic");

    private final String option;

    AiProvider(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public static Optional<AiProvider> fromOption(String option) {
        if (option == null) {
            return Optional.empty();
        }
        String wanted = option.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.option.equals(wanted)).findFirst();
    }
}
