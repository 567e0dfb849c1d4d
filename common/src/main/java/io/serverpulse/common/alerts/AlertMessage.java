package io.serverpulse.common.alerts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.discord.post.ChannelPost;
import io.serverpulse.common.i18n.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an alert looks like in Discord, decided once for both modes and posted as Discord's embed
 * JSON ({@link #toEmbedJson()}, {@link #toPost()}) by the {@link AlertPoster}.
 * The type, severity, affected channels and start time, labelled in the guild's language, and the
 * context sentence: detection hands over numbers only ({@link AlertFacts}), which {@link #context}
 * words in the guild's language when the incident opens or ends, to be stored with the record and
 * shown as it is. Once the incident ended, the same message says when and after how long.
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

    /** The footer that names the alert: how its message is found again (after a restart, by a retried delivery). */
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

    /**
     * The context sentence of an alert, in the language of {@code texts}: "usually 2 joins/min, now
     * 14 in 60 s", "7 messages deleted in 30 s in <#123>", "usually 2 members in voice, peak 9",
     * "usually 120 messages at this hour (over 6 previous days), 9 in the last hour"… Counts are
     * plain digits, rates have at most one decimal, channels are mentions (Discord shows their names).
     */
    public static String context(AlertFacts facts, Texts t) {
        Objects.requireNonNull(facts, "facts");
        if (facts instanceof AlertFacts.RaidOpened f) {
            return f.usualPerMinute() == null
                    ? t.get("alert.context.raid.opened-cold", count(f.joins()), windowLength(f.windowMillis()), count(f.level()))
                    : t.get("alert.context.raid.opened", rate(f.usualPerMinute()), count(f.joins()), windowLength(f.windowMillis()));
        }
        if (facts instanceof AlertFacts.RaidEnded f) {
            return f.usualPerMinute() == null
                    ? t.get("alert.context.raid.ended-cold", count(f.peak()), windowLength(f.windowMillis()), count(f.total()))
                    : t.get("alert.context.raid.ended", rate(f.usualPerMinute()), count(f.peak()), windowLength(f.windowMillis()),
                            count(f.total()));
        }
        if (facts instanceof AlertFacts.DeletionOpened f) {
            return f.channels().isEmpty()
                    ? t.get("alert.context.deletion.opened", count(f.deleted()), windowLength(f.windowMillis()))
                    : t.get("alert.context.deletion.opened-in", count(f.deleted()), windowLength(f.windowMillis()), mentions(f.channels()));
        }
        if (facts instanceof AlertFacts.DeletionEnded f) {
            return f.channels().isEmpty()
                    ? t.get("alert.context.deletion.ended", count(f.peak()), windowLength(f.windowMillis()), count(f.total()))
                    : t.get("alert.context.deletion.ended-in", count(f.peak()), windowLength(f.windowMillis()), count(f.total()),
                            mentions(f.channels()));
        }
        if (facts instanceof AlertFacts.VoiceOpened f) {
            return t.get("alert.context.voice.opened", rate(f.usual()), count(f.members()));
        }
        if (facts instanceof AlertFacts.VoiceEnded f) {
            return t.get("alert.context.voice.ended", rate(f.usual()), count(f.peak()));
        }
        if (facts instanceof AlertFacts.DropObserved f) {
            if (f.days() == 0) {
                return f.hours() == 1 ? t.get("alert.context.drop.no-history", count(f.observed()))
                        : t.get("alert.context.drop.no-history.hours", count(f.observed()), (int) f.hours());
            }
            BigDecimal usual = rate(f.usual());
            return f.hours() == 1 ? t.get("alert.context.drop", usual, f.days(), count(f.observed()))
                    : t.get("alert.context.drop.hours", usual, f.days(), count(f.observed()), (int) f.hours());
        }
        AlertFacts.DropEnded f = (AlertFacts.DropEnded) facts;
        return t.get("alert.context.drop.began",
                f.recovered() == null ? t.get("alert.context.drop.switched-off") : context(f.recovered(), t),
                count(f.beganWith()), rate(f.usualThen()));
    }

    private static String mentions(List<Long> channels) {
        return channels.stream().map(id -> "<#" + id + ">").collect(Collectors.joining(", "));
    }

    /**
     * A count, passed as a number so the pattern can choose the noun's plural; the patterns print it
     * as plain digits ({@code {0,number,0}}: no grouping, the sentences are short and read like data).
     */
    private static Long count(long value) {
        return value;
    }

    /**
     * A count or rate rounded to at most one decimal, passed as a number so the pattern chooses the
     * noun's plural by the value a member reads; the patterns print it with {@code {0,number,0.#}}:
     * 0.3 in English, 0,3 in German, no grouping.
     */
    static BigDecimal rate(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
    }

    /** A rule's window: "30 s", "90 s", "2 min", "1 h", "1500 ms". */
    static String windowLength(long millis) {
        if (millis % 1000 != 0) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0 && seconds >= 120) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
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
     * The post of this message for the {@link io.serverpulse.common.discord.post.UpdatePoster}: this
     * embed alone, identified by its footer. Its body lets no mention ping ({@code allowed_mentions.parse = []}:
     * the channel mentions are for reading).
     */
    public ChannelPost toPost() {
        return new ChannelPost(footer, List.of(toEmbedJson()), List.of());
    }
}
