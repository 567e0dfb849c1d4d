package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.state.Json;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Discord's documented limits for messages a bot sends, which are stricter than the OpenAPI
 * spec: content at most 2000 characters, at most 10 embeds, and the embed limits (title 256,
 * description 4096, 25 fields, field name 256, field value 1024, footer text 2048, author name
 * 256, and 6000 characters over all embeds; whitespace at either end not counted). Applies to
 * message create/edit bodies on channels, interaction webhooks, and interaction callbacks
 * (under {@code data}). Violations answer 400 with Discord's 50035 error shape.
 */
public final class BotMessageLimits implements RequestBodyValidator {

    public static final int MAX_CONTENT = 2000;
    public static final int MAX_EMBEDS = 10;
    public static final int MAX_TITLE = 256;
    public static final int MAX_DESCRIPTION = 4096;
    public static final int MAX_FIELDS = 25;
    public static final int MAX_FIELD_NAME = 256;
    public static final int MAX_FIELD_VALUE = 1024;
    public static final int MAX_FOOTER_TEXT = 2048;
    public static final int MAX_AUTHOR_NAME = 256;
    public static final int MAX_EMBED_TOTAL = 6000;

    private static final Pattern MESSAGE_BODY = Pattern.compile(
            "POST /channels/\\d+/messages|PATCH /channels/\\d+/messages/\\d+"
                    + "|POST /webhooks/\\d+/[^/]+|PATCH /webhooks/\\d+/[^/]+/messages/(@original|\\d+)");
    private static final Pattern CALLBACK = Pattern.compile("POST /interactions/\\d+/[^/]+/callback");

    @Override
    public Optional<ErrorBody> validate(String method, String path, JsonNode body) {
        String key = method + " " + path;
        ObjectNode errors = Json.object();
        if (MESSAGE_BODY.matcher(key).matches()) {
            checkMessage(body, errors);
        } else if (CALLBACK.matcher(key).matches()) {
            int type = body.path("type").asInt(-1);
            JsonNode data = body.path("data");
            if ((type == 4 || type == 7) && data.isObject()) {
                ObjectNode dataErrors = Json.object();
                checkMessage(data, dataErrors);
                if (!dataErrors.isEmpty()) {
                    errors.set("data", dataErrors);
                }
            }
        }
        return errors.isEmpty() ? Optional.empty() : Optional.of(ErrorBody.invalidFormBody(errors));
    }

    private static void checkMessage(JsonNode message, ObjectNode errors) {
        JsonNode content = message.path("content");
        if (!content.isMissingNode() && !content.isNull()) {
            if (!content.isTextual()) {
                error(errors, "content", "BASE_TYPE_STRING", "Must be a string.");
            } else if (length(content.asText()) > MAX_CONTENT) {
                maxLength(errors, "content", MAX_CONTENT);
            }
        }
        JsonNode embeds = message.path("embeds");
        if (embeds.isMissingNode() || embeds.isNull()) {
            return;
        }
        if (!embeds.isArray()) {
            error(errors, "embeds", "BASE_TYPE_LIST", "Must be an array.");
            return;
        }
        if (embeds.size() > MAX_EMBEDS) {
            maxLength(errors, "embeds", MAX_EMBEDS);
            return;
        }
        ObjectNode embedErrors = Json.object();
        int total = 0;
        for (int i = 0; i < embeds.size(); i++) {
            JsonNode embed = embeds.get(i);
            ObjectNode one = Json.object();
            total += checkText(embed, "title", MAX_TITLE, one);
            total += checkText(embed, "description", MAX_DESCRIPTION, one);
            ObjectNode footer = Json.object();
            total += checkText(embed.path("footer"), "text", MAX_FOOTER_TEXT, footer);
            if (!footer.isEmpty()) {
                one.set("footer", footer);
            }
            ObjectNode author = Json.object();
            total += checkText(embed.path("author"), "name", MAX_AUTHOR_NAME, author);
            if (!author.isEmpty()) {
                one.set("author", author);
            }
            JsonNode fields = embed.path("fields");
            if (fields.isArray()) {
                if (fields.size() > MAX_FIELDS) {
                    maxLength(one, "fields", MAX_FIELDS);
                }
                ObjectNode fieldErrors = Json.object();
                for (int f = 0; f < fields.size(); f++) {
                    ObjectNode fieldError = Json.object();
                    total += checkText(fields.get(f), "name", MAX_FIELD_NAME, fieldError);
                    total += checkText(fields.get(f), "value", MAX_FIELD_VALUE, fieldError);
                    if (!fieldError.isEmpty()) {
                        fieldErrors.set(Integer.toString(f), fieldError);
                    }
                }
                if (!fieldErrors.isEmpty()) {
                    ObjectNode existing = one.has("fields") ? (ObjectNode) one.get("fields") : one.putObject("fields");
                    existing.setAll(fieldErrors);
                }
            }
            if (!one.isEmpty()) {
                embedErrors.set(Integer.toString(i), one);
            }
        }
        if (!embedErrors.isEmpty()) {
            errors.set("embeds", embedErrors);
        } else if (total > MAX_EMBED_TOTAL) {
            error(errors, "embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of " + MAX_EMBED_TOTAL);
        }
    }

    /** Checks one text field of an embed part; returns its counted length. */
    private static int checkText(JsonNode parent, String field, int max, ObjectNode errors) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.isTextual()) {
            error(errors, field, "BASE_TYPE_STRING", "Must be a string.");
            return 0;
        }
        int length = length(value.asText().strip());
        if (length > max) {
            maxLength(errors, field, max);
        }
        return length;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static void maxLength(ObjectNode errors, String field, int max) {
        error(errors, field, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
    }

    private static void error(ObjectNode errors, String field, String code, String message) {
        ObjectNode node = errors.has(field) ? (ObjectNode) errors.get(field) : errors.putObject(field);
        node.withArrayProperty("_errors").addObject().put("code", code).put("message", message);
    }
}
