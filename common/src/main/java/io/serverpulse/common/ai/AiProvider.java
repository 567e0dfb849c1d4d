package io.serverpulse.common.ai;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The AI providers a guild can bring its own key for: how each is spoken to, where, and which model
 * is used when the guild names none. The default models are small, fast, current models of each
 * provider (checked against the providers' model lists, December 2026); a guild overrides them with
 * {@code /ai-provider set model:…}, an operator the base URLs with {@link AiEndpoints}.
 */
public enum AiProvider {
    GEMINI("gemini", Protocol.GEMINI, "https://generativelanguage.googleapis.com/v1beta/", "gemini-3.5-flash"),
    OPENAI("openai", Protocol.OPENAI_CHAT, "https://api.openai.com/v1/", "gpt-5.4-mini"),
    GROK("grok", Protocol.OPENAI_CHAT, "https://api.x.ai/v1/", "grok-4.3"),
    OPENROUTER("openrouter", Protocol.OPENAI_CHAT, "https://openrouter.ai/api/v1/", "openai/gpt-5.4-mini"),
    GROQ("groq", Protocol.OPENAI_CHAT, "https://api.groq.com/openai/v1/", "openai/gpt-oss-120b"),
    ANTHROPIC("anthropic", Protocol.ANTHROPIC, "https://api.anthropic.com/v1/", "claude-haiku-4-5");

    /** The wire format a provider speaks. */
    public enum Protocol {
        /** {@code POST {base}chat/completions}: messages in, {@code choices[0].message.content} out. */
        OPENAI_CHAT,
        /** {@code POST {base}models/{model}:generateContent}: contents/parts in, {@code candidates[0].content.parts} out. */
        GEMINI,
        /** {@code POST {base}messages}: the Messages API, content blocks out. */
        ANTHROPIC
    }

    private final String option;
    private final Protocol protocol;
    private final String defaultBaseUrl;
    private final String defaultModel;

    AiProvider(String option, Protocol protocol, String defaultBaseUrl, String defaultModel) {
        this.option = option;
        this.protocol = protocol;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
    }

    /** The value admins type ({@code openai}), also the stored form in MongoDB. */
    public String option() {
        return option;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** The provider's public API base URL, ending in {@code /}. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The model used when a guild names none. */
    public String defaultModel() {
        return defaultModel;
    }

    /** {@code model} when the guild named one, else {@link #defaultModel()}. */
    public String modelOrDefault(String model) {
        return model == null || model.isBlank() ? defaultModel : model;
    }

    public static Optional<AiProvider> fromOption(String option) {
        if (option == null) {
            return Optional.empty();
        }
        String wanted = option.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.option.equals(wanted)).findFirst();
    }
}
