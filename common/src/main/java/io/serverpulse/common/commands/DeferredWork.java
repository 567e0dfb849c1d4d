package io.serverpulse.common.commands;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.message.DiscordJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The part of a command that runs after the DEFERRED answer: which command, for which guild and
 * member, in which language, with which arguments, and the webhook token that edits the answer.
 * {@link #toJson()}/{@link #fromJson} carry it to a worker (an async Lambda invoke payload, or
 * a task on an executor). The token is a credential for 15 minutes: {@link #toString()} leaves it out, and so it
 * does a member's free text ({@link #FREE_TEXT}, the {@code /askpulse} question), of which it shows the length only.
 */
public record DeferredWork(String command, long applicationId, String token, long guildId, long userId, String locale,
                           long attachmentSizeLimit, Map<String, String> args) {

    /** The argument that carries a member's own words: never printed or logged. */
    public static final String FREE_TEXT = "free_text";

    public DeferredWork {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(locale, "locale");
        args = args == null ? Map.of() : Map.copyOf(args);
    }

    public String arg(String name) {
        return args.get(name);
    }

    public String toJson() {
        ObjectNode json = DiscordJson.object();
        json.put("command", command);
        json.put("application_id", Long.toUnsignedString(applicationId));
        json.put("token", token);
        json.put("guild_id", Long.toUnsignedString(guildId));
        json.put("user_id", Long.toUnsignedString(userId));
        json.put("locale", locale);
        json.put("attachment_size_limit", attachmentSizeLimit);
        ObjectNode argsJson = json.putObject("args");
        new java.util.TreeMap<>(args).forEach(argsJson::put);
        return DiscordJson.write(json);
    }

    /** @throws IllegalArgumentException if {@code json} is not a payload made by {@link #toJson()} */
    public static DeferredWork fromJson(String json) {
        try {
            JsonNode node = DiscordJson.MAPPER.readTree(json);
            Map<String, String> args = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.path("args").properties()) {
                args.put(field.getKey(), field.getValue().asText());
            }
            return new DeferredWork(required(node, "command"), Long.parseUnsignedLong(required(node, "application_id")),
                    required(node, "token"), Long.parseUnsignedLong(required(node, "guild_id")),
                    Long.parseUnsignedLong(required(node, "user_id")), required(node, "locale"),
                    node.path("attachment_size_limit").asLong(io.serverpulse.common.commands.interaction.Interaction.DEFAULT_ATTACHMENT_LIMIT),
                    args);
        } catch (JacksonException | NumberFormatException e) {
            throw new IllegalArgumentException("not a deferred work payload: " + e.getClass().getSimpleName());
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("deferred work payload lacks " + field);
        }
        return value.textValue();
    }

    @Override
    public String toString() {
        Map<String, String> shown = new java.util.TreeMap<>(args);
        shown.computeIfPresent(FREE_TEXT, (name, text) -> "<" + text.length() + " characters>");
        return "DeferredWork[command=" + command + ", guild=" + guildId + ", user=" + userId + ", locale=" + locale
                + ", args=" + shown + "]";
    }
}
