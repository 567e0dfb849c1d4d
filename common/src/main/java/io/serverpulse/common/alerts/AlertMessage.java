package io.serverpulse.common.alerts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.i18n.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an alert looks like in Discord, decided once for both modes: the self-hosted collector turns
 * it into a JDA embed, {@code alert-function} into Discord's embed JSON ({@link #toEmbedJson()}).
 * The type, severity, affected channels and start time, labelled in the guild's language, and the
 * context sentence (numbers only, written in the guild's language when the incident was detected); once the incident ended, the same message says when and after how long.
 * Times are Discord timestamps ({@code <t:…:f>}), shown in each reader's zone. The footer names the
 * alert ({@link #footerOf}): that is how a message is found again to be edited when the incident ends.
 *
 * @param description the context sentence, or null when there is none
 * @param timestamp   the incident's start (the embed's timestamp)
 */
public record AlertMessage(String title, String description, int color, List<Field> fields, String footer, Instant timestamp) {

    public static final int INFO = 0x3498DB;
    public static final int WARNING = 0xE67E22;
    public static final int CRITICAL = 0xE74C3C;
    public static final int ENDED = 0x95A5A6;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public record Field(String name, String value, boolean inline) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public AlertMessage {
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
        Objects.requireNonNull(footer, "footer");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public static AlertMessage of(AlertNotice notice, Texts texts) {
        AlertRecord alert = notice.alert();
        String type = texts.get("choice.alert." + alert.type().option());
        boolean ended = notice.kind() == AlertNotice.Kind.ENDED;
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(texts.get("alert.message.severity"),
                texts.get("alert.severity." + alert.severity().name().toLowerCase(Locale.ROOT)), true));
        fields.add(new Field(texts.get("alert.message.started"), timestamp(alert.startedAt()), true));
        if (ended) {
            fields.add(new Field(texts.get("alert.message.ended-at"), timestamp(alert.endedAt()), true));
            fields.add(new Field(texts.get("alert.message.duration"), duration(Duration.between(alert.startedAt(), alert.endedAt())),
                    true));
        }
        fields.add(new Field(texts.get("alert.message.channels"), alert.channelIds().isEmpty() ? texts.get("alert.message.whole-server")
                : alert.channelIds().stream().map(id -> "<#" + Long.toUnsignedString(id) + ">").collect(Collectors.joining(", ")), false));
        return new AlertMessage(ended ? "✅ " + texts.get("alert.message.ended", type) : "🚨 " + type,
                alert.context().isEmpty() ? null : alert.context(),
                ended ? ENDED : color(alert.severity()),
                fields, footerOf(alert), alert.startedAt());
    }

    /** The footer that names the alert: how its message is found again (by a restarted collector, by alert-function). */
    public static String footerOf(AlertRecord alert) {
        return "ServerPulse alert " + alert.id();
    }

    public static int color(Severity severity) {
        return switch (severity) {
            case INFO -> INFO;
            case WARNING -> WARNING;
            case CRITICAL -> CRITICAL;
        };
    }

    static String timestamp(Instant at) {
        return "<t:" + at.getEpochSecond() + ":f>";
    }

    static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }

    /** Discord's embed object for this message ({@code title}, {@code description}, {@code color}, {@code fields}, {@code footer}, {@code timestamp}). */
    public ObjectNode toEmbedJson() {
        ObjectNode embed = JSON.objectNode();
        embed.put("title", title);
        if (description != null) {
            embed.put("description", description);
        }
        embed.put("color", color);
        ArrayNode array = embed.putArray("fields");
        for (Field field : fields) {
            array.addObject().put("name", field.name()).put("value", field.value()).put("inline", field.inline());
        }
        embed.putObject("footer").put("text", footer);
        embed.put("timestamp", timestamp.toString());
        return embed;
    }

    /**
     * The body of a create or edit message request carrying this embed alone, with no mention allowed
     * to ping ({@code allowed_mentions.parse = []}: the channel mentions are for reading).
     */
    public ObjectNode toMessageJson() {
        ObjectNode body = JSON.objectNode();
        body.putArray("embeds").add(toEmbedJson());
        body.putObject("allowed_mentions").putArray("parse");
        return body;
    }
}
