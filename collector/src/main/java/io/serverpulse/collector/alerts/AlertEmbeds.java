package io.serverpulse.collector.alerts;

import io.serverpulse.common.alerts.AlertMessage;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.i18n.Texts;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The JDA embed an alert is posted as: {@link AlertMessage} (common's one decision of what an alert
 * shows, shared with {@code alert-function}) converted field by field.
 */
public final class AlertEmbeds {

    static final int INFO = AlertMessage.INFO;
    static final int WARNING = AlertMessage.WARNING;
    static final int CRITICAL = AlertMessage.CRITICAL;
    static final int ENDED = AlertMessage.ENDED;

    private AlertEmbeds() {
    }

    public static MessageEmbed of(AlertNotice notice, Texts texts) {
        return of(AlertMessage.of(notice, texts));
    }

    public static MessageEmbed of(AlertMessage message) {
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(message.title())
                .setDescription(message.description())
                .setColor(message.color());
        for (AlertMessage.Field field : message.fields()) {
            embed.addField(field.name(), field.value(), field.inline());
        }
        return embed.setFooter(message.footer()).setTimestamp(message.timestamp()).build();
    }

    /** The footer that names the alert: how a restarted collector finds the message again. */
    static String footer(AlertRecord alert) {
        return AlertMessage.footerOf(alert);
    }
}
