package io.serverpulse.common.commands.interaction;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.serverpulse.common.discord.Snowflake;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a raw interaction body into an {@link Interaction}.
 *
 * <p>Strict about the envelope, lenient about the data: a body without a known {@code type}, an
 * {@code id}, an {@code application_id} and a well-formed {@code token} is not an interaction
 * ({@link NotAnInteractionException}, HTTP 400). Inside {@code data}, malformed parts are left out
 * (an option with no name, a non-string select value) and the command that needs them says so to
 * the member. A malformed {@code member.permissions} counts as no permissions at all.
 */
public final class InteractionParser {

    /** Interaction tokens become part of webhook URLs: only URL-safe characters are accepted. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,1000}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final int MAX_OPTION_DEPTH = 3;

    private final ObjectMapper mapper = JsonMapper.builder().build();

    public Interaction parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new NotAnInteractionException("empty body");
        }
        JsonNode root;
        try {
            root = mapper.readTree(raw);
        } catch (JacksonException e) {
            throw new NotAnInteractionException("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new NotAnInteractionException("body is not a JSON object");
        }
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isIntegralNumber() || !typeNode.canConvertToInt()) {
            throw new NotAnInteractionException("type is missing or not an integer");
        }
        InteractionType type = InteractionType.fromCode(typeNode.intValue())
                .orElseThrow(() -> new NotAnInteractionException("unknown interaction type " + typeNode.intValue()));
        if (type == InteractionType.PING) {
            return new Interaction(type, snowflake(root.get("id")).orElse(0L), snowflake(root.get("application_id")).orElse(0L),
                    "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "en-US",
                    Interaction.DEFAULT_ATTACHMENT_LIMIT, InteractionData.EMPTY);
        }
        long id = snowflake(root.get("id")).orElseThrow(() -> new NotAnInteractionException("id is missing or not a snowflake"));
        long applicationId = snowflake(root.get("application_id"))
                .orElseThrow(() -> new NotAnInteractionException("application_id is missing or not a snowflake"));
        JsonNode tokenNode = root.get("token");
        if (tokenNode == null || !tokenNode.isTextual() || !TOKEN.matcher(tokenNode.textValue()).matches()) {
            throw new NotAnInteractionException("token is missing or malformed");
        }
        Optional<Long> guildId = Optional.empty();
        JsonNode guildNode = root.get("guild_id");
        if (guildNode != null && !guildNode.isNull()) {
            guildId = Optional.of(snowflake(guildNode)
                    .orElseThrow(() -> new NotAnInteractionException("guild_id is not a snowflake")));
        }
        Optional<BigInteger> permissions = Optional.empty();
        Optional<Long> userId = Optional.empty();
        JsonNode member = root.get("member");
        if (member != null && member.isObject()) {
            permissions = Optional.of(permissions(member.get("permissions")));
            userId = snowflake(member.path("user").get("id"));
        } else {
            userId = snowflake(root.path("user").get("id"));
        }
        return new Interaction(type, id, applicationId, tokenNode.textValue(), guildId, snowflake(root.get("channel_id")),
                userId, permissions, locale(root.get("locale")), attachmentLimit(root.get("attachment_size_limit")),
                data(root.get("data")));
    }

    private static BigInteger permissions(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return BigInteger.ZERO;
        }
        String text = node.textValue();
        if (text.isEmpty() || text.length() > 40 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return BigInteger.ZERO;
        }
        return new BigInteger(text);
    }

    private static String locale(JsonNode node) {
        if (node != null && node.isTextual() && LOCALE.matcher(node.textValue()).matches()) {
            return node.textValue();
        }
        return "en-US";
    }

    private static long attachmentLimit(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0) {
            return node.longValue();
        }
        return Interaction.DEFAULT_ATTACHMENT_LIMIT;
    }

    private static InteractionData data(JsonNode data) {
        if (data == null || !data.isObject()) {
            return InteractionData.EMPTY;
        }
        JsonNode componentType = data.get("component_type");
        return new InteractionData(
                text(data.get("name")),
                options(data.get("options"), 1),
                resolvedChannels(data.path("resolved").get("channels")),
                text(data.get("custom_id")),
                componentType != null && componentType.isIntegralNumber() && componentType.canConvertToInt() ? componentType.intValue() : 0,
                strings(data.get("values")),
                modalFields(data.get("components")));
    }

    private static List<CommandOption> options(JsonNode node, int depth) {
        List<CommandOption> options = new ArrayList<>();
        if (node == null || !node.isArray() || depth > MAX_OPTION_DEPTH) {
            return options;
        }
        for (JsonNode option : node) {
            if (!option.isObject() || !option.path("name").isTextual()) {
                continue;
            }
            JsonNode type = option.get("type");
            int typeCode = type != null && type.isIntegralNumber() && type.canConvertToInt() ? type.intValue() : 0;
            JsonNode value = option.get("value");
            options.add(new CommandOption(option.get("name").textValue(), typeCode,
                    value == null || value.isNull() ? null : value, options(option.get("options"), depth + 1)));
        }
        return options;
    }

    private static Map<Long, ResolvedChannel> resolvedChannels(JsonNode node) {
        Map<Long, ResolvedChannel> channels = new HashMap<>();
        if (node == null || !node.isObject()) {
            return channels;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Optional<Long> id = snowflake(entry.getKey());
            JsonNode channel = entry.getValue();
            if (id.isEmpty() || !channel.isObject()) {
                continue;
            }
            JsonNode type = channel.get("type");
            channels.put(id.get(), new ResolvedChannel(id.get(), text(channel.get("name")),
                    type != null && type.isIntegralNumber() && type.canConvertToInt() ? type.intValue() : -1,
                    snowflake(channel.get("guild_id")).orElse(0L)));
        }
        return channels;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(value -> {
                if (value.isTextual()) {
                    values.add(value.textValue());
                }
            });
        }
        return values;
    }

    /** Text inputs of a submitted modal, inside labels (current) or action rows (legacy). */
    private static Map<String, String> modalFields(JsonNode components) {
        Map<String, String> fields = new HashMap<>();
        if (components == null || !components.isArray()) {
            return fields;
        }
        for (JsonNode top : components) {
            if (!top.isObject()) {
                continue;
            }
            addField(fields, top.get("component"));
            JsonNode children = top.get("components");
            if (children != null && children.isArray()) {
                children.forEach(child -> addField(fields, child));
            }
        }
        return fields;
    }

    private static void addField(Map<String, String> fields, JsonNode input) {
        if (input != null && input.isObject() && input.path("custom_id").isTextual() && input.path("value").isTextual()) {
            fields.putIfAbsent(input.get("custom_id").textValue(), input.get("value").textValue());
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : "";
    }

    static Optional<Long> snowflake(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return snowflake(node.textValue());
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0) {
            return Optional.of(node.longValue());
        }
        return Optional.empty();
    }

    static Optional<Long> snowflake(String text) {
        if (text == null || text.isEmpty() || text.length() > 20 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            long id = Snowflake.parse(text);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
