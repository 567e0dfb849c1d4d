package io.serverpulse.collector.alerts;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.i18n.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The embed an alert is posted as: the type, severity, affected channels, start time and the
 * context sentence (numbers only); once the incident ended, the same message is edited to say when
 * and after how long. Times are Discord timestamps ({@code <t:…:f>}), shown in each reader's zone.
 */
public final class AlertEmbeds {

    static final int INFO = 0x3498DB;
    static final int WARNING = 0xE67E22;
    static final int CRITICAL = 0xE74C3C;
    static final int ENDED = 0x95A5A6;

    private AlertEmbeds() {
    }

    public static MessageEmbed of(AlertNotice notice, Texts texts) {
        AlertRecord alert = notice.alert();
        String type = texts.get("choice.alert." + alert.type().option());
        boolean ended = notice.kind() == AlertNotice.Kind.ENDED;
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(ended ? "✅ " + type + " — ended" : "🚨 " + type)
                .setDescription(alert.context().isEmpty() ? null : alert.context())
                .setColor(ended ? ENDED : color(alert.severity()))
                .addField("Severity", alert.severity().name().toLowerCase(java.util.Locale.ROOT), true)
                .addField("Started", timestamp(alert.startedAt()), true);
        if (ended) {
            embed.addField("Ended", timestamp(alert.endedAt()), true)
                    .addField("Duration", duration(Duration.between(alert.startedAt(), alert.endedAt())), true);
        }
        embed.addField("Channels", alert.channelIds().isEmpty() ? "whole server"
                : alert.channelIds().stream().map(id -> "<#" + Long.toUnsignedString(id) + ">").collect(Collectors.joining(", ")), false);
        embed.setFooter(footer(alert));
        embed.setTimestamp(alert.startedAt());
        return embed.build();
    }

    /** The footer that names the alert: how a restarted collector finds the message again. */
    static String footer(AlertRecord alert) {
        return "ServerPulse alert " + alert.id();
    }

    static int color(Severity severity) {
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
}
