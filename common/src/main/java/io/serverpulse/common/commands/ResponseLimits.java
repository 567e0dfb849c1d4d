package io.serverpulse.common.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Discord's documented limits for what a bot sends in answer to an interaction, checked on the JSON
 * itself: message content, embeds, components (legacy action rows), modals, attachments and flags.
 * Returns the violations as readable lines (empty = valid). The handler runs it on every answer
 * before it leaves, and the tests run it on every answer they see.
 */
public final class ResponseLimits {

    public static final int MAX_CONTENT = 2000;
    public static final int MAX_EMBEDS = 10;
    public static final int MAX_EMBED_TITLE = 256;
    public static final int MAX_EMBED_DESCRIPTION = 4096;
    public static final int MAX_EMBED_FIELDS = 25;
    public static final int MAX_FIELD_NAME = 256;
    public static final int MAX_FIELD_VALUE = 1024;
    public static final int MAX_FOOTER = 2048;
    public static final int MAX_EMBED_TOTAL = 6000;
    public static final int MAX_ACTION_ROWS = 5;
    public static final int MAX_CUSTOM_ID = 100;
    public static final int MAX_FILES = 10;

    private static final int EPHEMERAL = 1 << 6;
    private static final int MESSAGE_FLAGS = (1 << 2) | EPHEMERAL | (1 << 12);

    private ResponseLimits() {
    }

    /** Violations of an interaction response ({@code {"type": …, "data": …}}) sent with {@code files} files. */
    public static List<String> checkResponse(JsonNode response, int files) {
        List<String> errors = new ArrayList<>();
        if (response == null || !response.isObject()) {
            errors.add("response is not an object");
            return errors;
        }
        JsonNode data = response.get("data");
        int type = response.path("type").asInt(-1);
        switch (type) {
            case 1 -> {
                if (data != null || files > 0) {
                    errors.add("PONG carries no data");
                }
            }
            case 4 -> message(data, files, true, true, errors);
            case 7 -> message(data, files, true, false, errors);
            case 5 -> {
                if (data != null && (data.size() > 1 || (data.size() == 1 && data.path("flags").asInt(-1) != EPHEMERAL))) {
                    errors.add("a deferred answer may only carry the ephemeral flag");
                }
                if (files > 0) {
                    errors.add("a deferred answer carries no files");
                }
            }
            case 8 -> {
                if (data == null || !data.path("choices").isArray() || data.path("choices").size() > 25) {
                    errors.add("autocomplete needs 0-25 choices");
                }
            }
            case 9 -> modal(data, errors);
            default -> errors.add("unknown response type " + response.path("type"));
        }
        return errors;
    }

    /** Violations of a message body sent as the edit of {@code @original} with {@code files} files. */
    public static List<String> checkEdit(JsonNode message, int files) {
        List<String> errors = new ArrayList<>();
        message(message, files, false, true, errors);
        return errors;
    }

    private static void message(JsonNode data, int files, boolean flagsAllowed, boolean mustHaveContent, List<String> errors) {
        if (data == null || !data.isObject()) {
            errors.add("message data missing");
            return;
        }
        JsonNode content = data.get("content");
        if (content != null && (!content.isTextual() || length(content) > MAX_CONTENT)) {
            errors.add("content longer than " + MAX_CONTENT);
        }
        JsonNode embeds = data.get("embeds");
        if (embeds != null) {
            embeds(embeds, errors);
        }
        JsonNode components = data.get("components");
        if (components != null) {
            actionRows(components, errors);
        }
        JsonNode flags = data.get("flags");
        if (flags != null) {
            if (!flagsAllowed) {
                errors.add("flags cannot be set on an edit");
            } else if (!flags.isInt() || (flags.intValue() & ~MESSAGE_FLAGS) != 0) {
                errors.add("flags not allowed: " + flags);
            }
        }
        attachments(data.get("attachments"), files, errors);
        boolean hasSomething = (content != null && !content.asText().isEmpty()) || (embeds != null && !embeds.isEmpty())
                || (components != null && !components.isEmpty()) || files > 0;
        if (mustHaveContent && !hasSomething) {
            errors.add("message is empty (no content, embeds, components or files)");
        }
    }

    private static void embeds(JsonNode embeds, List<String> errors) {
        if (!embeds.isArray() || embeds.size() > MAX_EMBEDS) {
            errors.add("embeds must be an array of at most " + MAX_EMBEDS);
            return;
        }
        int total = 0;
        for (JsonNode embed : embeds) {
            total += limit(embed.get("title"), MAX_EMBED_TITLE, "embed title", errors);
            total += limit(embed.get("description"), MAX_EMBED_DESCRIPTION, "embed description", errors);
            total += limit(embed.path("footer").get("text"), MAX_FOOTER, "embed footer", errors);
            total += limit(embed.path("author").get("name"), 256, "embed author", errors);
            JsonNode fields = embed.get("fields");
            if (fields != null) {
                if (!fields.isArray() || fields.size() > MAX_EMBED_FIELDS) {
                    errors.add("at most " + MAX_EMBED_FIELDS + " fields per embed");
                    continue;
                }
                for (JsonNode field : fields) {
                    total += nonEmptyLimit(field.get("name"), MAX_FIELD_NAME, "field name", errors);
                    total += nonEmptyLimit(field.get("value"), MAX_FIELD_VALUE, "field value", errors);
                }
            }
            JsonNode color = embed.get("color");
            if (color != null && (!color.isInt() || color.intValue() < 0 || color.intValue() > 0xFFFFFF)) {
                errors.add("embed color out of range");
            }
        }
        if (total > MAX_EMBED_TOTAL) {
            errors.add("embeds total " + total + " characters, more than " + MAX_EMBED_TOTAL);
        }
    }

    private static void actionRows(JsonNode rows, List<String> errors) {
        if (!rows.isArray() || rows.size() > MAX_ACTION_ROWS) {
            errors.add("components must be at most " + MAX_ACTION_ROWS + " action rows");
            return;
        }
        Set<String> customIds = new HashSet<>();
        for (JsonNode row : rows) {
            JsonNode children = row.get("components");
            if (row.path("type").asInt() != 1 || children == null || !children.isArray() || children.isEmpty()) {
                errors.add("top-level components must be non-empty action rows");
                continue;
            }
            boolean hasSelect = false;
            for (JsonNode child : children) {
                int type = child.path("type").asInt();
                customId(child, customIds, errors);
                switch (type) {
                    case 2 -> button(child, errors);
                    case 3, 5, 6, 7, 8 -> {
                        hasSelect = true;
                        select(child, type, errors);
                    }
                    default -> errors.add("component type " + type + " cannot be in an action row");
                }
            }
            if (hasSelect ? children.size() != 1 : children.size() > 5) {
                errors.add("an action row holds one select or up to 5 buttons");
            }
        }
    }

    private static void button(JsonNode button, List<String> errors) {
        int style = button.path("style").asInt();
        if (style < 1 || style > 5) {
            errors.add("button style " + style + " not supported");
        }
        if (style == 5 ? button.has("custom_id") || !button.has("url") : !button.has("custom_id")) {
            errors.add("link buttons have a url, other buttons a custom_id");
        }
        limit(button.get("label"), 80, "button label", errors);
        if (!button.has("label") && !button.has("emoji")) {
            errors.add("a button needs a label or an emoji");
        }
    }

    private static void select(JsonNode select, int type, List<String> errors) {
        limit(select.get("placeholder"), 150, "select placeholder", errors);
        int min = select.path("min_values").asInt(1);
        int max = select.path("max_values").asInt(1);
        if (min < 0 || min > 25 || max < 1 || max > 25 || min > max) {
            errors.add("select min_values/max_values out of range: " + min + ".." + max);
        }
        if (type == 3) {
            JsonNode options = select.get("options");
            if (options == null || !options.isArray() || options.isEmpty() || options.size() > 25) {
                errors.add("a string select needs 1-25 options");
            } else {
                Set<String> values = new HashSet<>();
                int defaults = 0;
                for (JsonNode option : options) {
                    nonEmptyLimit(option.get("label"), 100, "option label", errors);
                    nonEmptyLimit(option.get("value"), 100, "option value", errors);
                    limit(option.get("description"), 100, "option description", errors);
                    if (!values.add(option.path("value").asText())) {
                        errors.add("duplicate option value " + option.path("value").asText());
                    }
                    defaults += option.path("default").asBoolean(false) ? 1 : 0;
                }
                if (defaults > max) {
                    errors.add("more default options than max_values");
                }
            }
        } else {
            JsonNode defaults = select.get("default_values");
            if (defaults != null && (!defaults.isArray() || defaults.size() < min || defaults.size() > max)) {
                errors.add("default_values must be within min_values..max_values");
            }
        }
    }

    private static void modal(JsonNode data, List<String> errors) {
        if (data == null || !data.isObject()) {
            errors.add("modal data missing");
            return;
        }
        Set<String> customIds = new HashSet<>();
        customId(data, customIds, errors);
        nonEmptyLimit(data.get("title"), 45, "modal title", errors);
        JsonNode components = data.get("components");
        if (components == null || !components.isArray() || components.isEmpty() || components.size() > 5) {
            errors.add("a modal needs 1-5 components");
            return;
        }
        for (JsonNode label : components) {
            if (label.path("type").asInt() != 18) {
                errors.add("modal components must be labels");
                continue;
            }
            nonEmptyLimit(label.get("label"), 45, "label", errors);
            limit(label.get("description"), 100, "label description", errors);
            JsonNode input = label.path("component");
            customId(input, customIds, errors);
            if (input.path("type").asInt() == 4) {
                int style = input.path("style").asInt();
                int min = input.path("min_length").asInt(0);
                int max = input.path("max_length").asInt(4000);
                if ((style != 1 && style != 2) || min < 0 || min > 4000 || max < 1 || max > 4000 || min > max) {
                    errors.add("text input style or lengths out of range");
                }
                limit(input.get("placeholder"), 100, "text input placeholder", errors);
            } else {
                errors.add("unsupported modal component type " + input.path("type").asInt());
            }
        }
    }

    private static void attachments(JsonNode attachments, int files, List<String> errors) {
        if (files > MAX_FILES) {
            errors.add("more than " + MAX_FILES + " files");
        }
        if (attachments == null) {
            if (files > 0) {
                errors.add("files need an attachments array");
            }
            return;
        }
        if (!attachments.isArray() || attachments.size() != files) {
            errors.add("attachments must list exactly the " + files + " files sent");
            return;
        }
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode attachment = attachments.get(i);
            if (attachment.path("id").asInt(-1) != i || !attachment.path("filename").isTextual()
                    || attachment.path("filename").textValue().isEmpty()) {
                errors.add("attachment " + i + " needs id " + i + " and a filename");
            }
            limit(attachment.get("description"), 1024, "attachment description", errors);
        }
    }

    private static void customId(JsonNode component, Set<String> seen, List<String> errors) {
        JsonNode customId = component.get("custom_id");
        if (customId == null) {
            return;
        }
        nonEmptyLimit(customId, MAX_CUSTOM_ID, "custom_id", errors);
        if (!seen.add(customId.asText())) {
            errors.add("duplicate custom_id " + customId.asText());
        }
    }

    private static int limit(JsonNode text, int max, String what, List<String> errors) {
        if (text == null || text.isNull()) {
            return 0;
        }
        if (!text.isTextual()) {
            errors.add(what + " is not a string");
            return 0;
        }
        int length = length(text);
        if (length > max) {
            errors.add(what + " longer than " + max + " (" + length + ")");
        }
        return length;
    }

    private static int nonEmptyLimit(JsonNode text, int max, String what, List<String> errors) {
        if (text == null || !text.isTextual() || text.textValue().isBlank()) {
            errors.add(what + " is missing or empty");
            return 0;
        }
        return limit(text, max, what, errors);
    }

    /** UTF-16 units: never fewer than the characters Discord counts, so this errs on the safe side. */
    private static int length(JsonNode text) {
        return text.asText().length();
    }
}
