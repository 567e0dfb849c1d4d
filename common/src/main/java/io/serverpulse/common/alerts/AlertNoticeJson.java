package io.serverpulse.common.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of an {@link AlertNotice}: the payload the collector sends when it invokes
 * {@code alert-function} asynchronously (AWS mode), and what that function reads back. Ids are
 * decimal strings (as Discord writes snowflakes), instants ISO-8601 UTC, enums by name; an ongoing
 * alert has {@code "ended_at": null}. See {@code src/test/resources/alerts/notice-opened.json}.
 *
 * <pre>{@code
 * {"format":1,"kind":"OPENED","alert":{"id":"…","guild_id":"…","type":"JOIN_RAID","severity":"WARNING",
 *  "started_at":"…","ended_at":null,"channel_ids":[],"observed":14,"baseline":2.0,"context":"…"}}
 * }</pre>
 */
public final class AlertNoticeJson {

    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertNoticeJson() {
    }

    public static String toJson(AlertNotice notice) {
        AlertRecord alert = notice.alert();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("kind", notice.kind().name());
        ObjectNode a = root.putObject("alert");
        a.put("id", alert.id());
        a.put("guild_id", Long.toUnsignedString(alert.guildId()));
        a.put("type", alert.type().name());
        a.put("severity", alert.severity().name());
        a.put("started_at", alert.startedAt().toString());
        if (alert.endedAt() == null) {
            a.putNull("ended_at");
        } else {
            a.put("ended_at", alert.endedAt().toString());
        }
        ArrayNode channels = a.putArray("channel_ids");
        alert.channelIds().forEach(id -> channels.add(Long.toUnsignedString(id)));
        a.put("observed", alert.observed());
        a.put("baseline", alert.baseline());
        a.put("context", alert.context());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert notice could not be written as JSON", e);
        }
    }

    /** Reads a payload written by {@link #toJson}; throws {@link IllegalArgumentException} naming what is wrong otherwise. */
    public static AlertNotice fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an alert notice: invalid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not an alert notice: expected a JSON object");
        }
        if (root.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException("unsupported alert notice format: " + root.path("format"));
        }
        JsonNode a = root.path("alert");
        if (!a.isObject()) {
            throw new IllegalArgumentException("alert notice lacks 'alert'");
        }
        try {
            AlertNotice.Kind kind = AlertNotice.Kind.valueOf(text(root, "kind").toUpperCase(Locale.ROOT));
            List<Long> channels = new ArrayList<>();
            for (JsonNode id : a.path("channel_ids")) {
                channels.add(Long.parseUnsignedLong(id.asText()));
            }
            JsonNode ended = a.get("ended_at");
            AlertRecord alert = new AlertRecord(text(a, "id"), Long.parseUnsignedLong(text(a, "guild_id")),
                    AlertType.valueOf(text(a, "type")), Severity.valueOf(text(a, "severity")),
                    Instant.parse(text(a, "started_at")),
                    ended == null || ended.isNull() ? null : Instant.parse(ended.asText()),
                    channels, a.path("observed").asLong(), a.path("baseline").asDouble(), a.path("context").asText(""));
            return new AlertNotice(kind, alert);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("alert notice has a malformed id or time: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("alert notice lacks '" + field + "'");
        }
        return value.textValue();
    }
}
