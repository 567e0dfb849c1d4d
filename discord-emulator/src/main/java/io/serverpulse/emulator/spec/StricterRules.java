package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The registry of {@link StricterRule stricter rules} the emulator enforces on top of the spec. */
public final class StricterRules {

    /** The most characters a bot's message may have; the spec's 4000 is the Nitro limit for users. */
    public static final int BOT_CONTENT_LIMIT = 2000;
    /** The most characters all embeds of one message may have together. */
    public static final int EMBEDS_TOTAL_LIMIT = 6000;

    /**
     * "Create Message: content — Message contents (up to 2000 characters)" (developers/resources/message).
     * The spec allows 4000 for create_message and update_message, which is what Nitro users get.
     */
    public static final StricterRule BOT_MESSAGE_CONTENT_2000 = new StricterRule() {
        private final Set<String> operations = Set.of("create_message", "update_message");

        @Override
        public String name() {
            return "bot-message-content-2000";
        }

        @Override
        public String reason() {
            return "Discord documents message content as up to 2000 characters for bots; the spec's 4000 is the Nitro limit";
        }

        @Override
        public List<Problem> check(String operationId, JsonNode body) {
            JsonNode content = body.path("content");
            if (!operations.contains(operationId) || !content.isTextual()) {
                return List.of();
            }
            String text = content.asText();
            if (text.codePointCount(0, text.length()) <= BOT_CONTENT_LIMIT) {
                return List.of();
            }
            return List.of(new Problem(List.of("content"), "BASE_TYPE_MAX_LENGTH", "Must be " + BOT_CONTENT_LIMIT + " or fewer in length."));
        }

        @Override
        public String toString() {
            return name();
        }
    };

    /**
     * "the combined sum of characters in all title, description, field.name, field.value,
     * footer.text, and author.name fields across all embeds attached to a message must not exceed
     * 6000 characters" (developers/resources/message, Embed Limits; whitespace at either end is not
     * counted). The spec only limits each field on its own.
     */
    public static final StricterRule EMBEDS_TOTAL_6000 = new StricterRule() {
        @Override
        public String name() {
            return "embeds-total-6000";
        }

        @Override
        public String reason() {
            return "Discord documents a 6000-character limit over all embeds of a message; the spec only limits each field";
        }

        @Override
        public List<Problem> check(String operationId, JsonNode body) {
            List<Problem> problems = new ArrayList<>();
            check(body.path("embeds"), List.of("embeds"), problems);
            check(body.path("data").path("embeds"), List.of("data", "embeds"), problems);
            return problems;
        }

        private void check(JsonNode embeds, List<String> at, List<Problem> problems) {
            if (!embeds.isArray()) {
                return;
            }
            long total = 0;
            for (JsonNode embed : embeds) {
                total += length(embed.path("title")) + length(embed.path("description"))
                        + length(embed.path("footer").path("text")) + length(embed.path("author").path("name"));
                for (JsonNode field : embed.path("fields")) {
                    total += length(field.path("name")) + length(field.path("value"));
                }
            }
            if (total > EMBEDS_TOTAL_LIMIT) {
                problems.add(new Problem(at, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of " + EMBEDS_TOTAL_LIMIT));
            }
        }

        private long length(JsonNode text) {
            if (!text.isTextual()) {
                return 0;
            }
            String trimmed = text.asText().strip();
            return trimmed.codePointCount(0, trimmed.length());
        }

        @Override
        public String toString() {
            return name();
        }
    };

    private static final StricterRules BOT_DEFAULTS = new StricterRules(List.of(BOT_MESSAGE_CONTENT_2000, EMBEDS_TOTAL_6000));
    private static final StricterRules NONE = new StricterRules(List.of());

    private final List<StricterRule> rules;

    private StricterRules(List<StricterRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The limits Discord applies to bots beyond the spec. */
    public static StricterRules botDefaults() {
        return BOT_DEFAULTS;
    }

    public static StricterRules none() {
        return NONE;
    }

    public static StricterRules of(StricterRule... rules) {
        return new StricterRules(List.of(rules));
    }

    public List<StricterRule> all() {
        return rules;
    }
}
