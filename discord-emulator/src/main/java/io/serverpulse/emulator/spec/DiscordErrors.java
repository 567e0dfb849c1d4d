package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Discord's error bodies. A 50035 nests its problems by field, one level per key or array index,
 * with the problems of a field under {@code _errors} (developers/reference "Error Messages"):
 * <pre>{"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"0":{"title":{"_errors":[{"code":…,"message":…}]}}}}}</pre>
 * Problems of the body as a whole sit in {@code errors._errors}.
 */
public final class DiscordErrors {

    public static final int INVALID_FORM_BODY = 50035;
    public static final int INVALID_JSON = 50109;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DiscordErrors() {
    }

    public static ObjectNode invalidFormBody(List<Problem> problems) {
        ObjectNode errors = JSON.objectNode();
        for (Problem problem : problems) {
            ObjectNode node = errors;
            for (String segment : problem.path()) {
                JsonNode child = node.get(segment);
                node = child instanceof ObjectNode object ? object : node.putObject(segment);
            }
            JsonNode list = node.get("_errors");
            ArrayNode entries = list instanceof ArrayNode array ? array : node.putArray("_errors");
            entries.addObject().put("code", problem.code()).put("message", problem.message());
        }
        ObjectNode body = JSON.objectNode();
        body.put("code", INVALID_FORM_BODY);
        body.put("message", "Invalid Form Body");
        body.set("errors", errors);
        return body;
    }

    public static ObjectNode invalidJson() {
        return error(INVALID_JSON, "The request body contains invalid JSON.");
    }

    public static ObjectNode notFound() {
        return error(0, "404: Not Found");
    }

    public static ObjectNode methodNotAllowed() {
        return error(0, "405: Method Not Allowed");
    }

    private static ObjectNode error(int code, String message) {
        ObjectNode body = JSON.objectNode();
        body.put("message", message);
        body.put("code", code);
        return body;
    }
}
