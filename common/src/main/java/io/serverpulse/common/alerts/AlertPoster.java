package io.serverpulse.common.alerts;

import io.serverpulse.common.discord.post.PostFailure;
import io.serverpulse.common.discord.post.Posted;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import java.util.Objects;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an alert into its guild's update channel, in both modes, through the {@link UpdatePoster}:
 * an OPENED alert is posted once as its {@link AlertMessage} embed (in the guild's language; a
 * repeated OPENED finds its message by the footer that names the alert, {@link AlertMessage#footerOf},
 * and posts nothing); an ENDED alert edits that message, or is posted if it is not found, so one
 * incident is one message.
 */
public final class AlertPoster {

    private static final Logger log = LoggerFactory.getLogger(AlertPoster.class);

    private final UpdatePoster poster;
    private final LongFunction<GuildSettings> settings;

    /** @param settings a guild's settings (its update channel and language), the defaults for a guild without any */
    public AlertPoster(UpdatePoster poster, LongFunction<GuildSettings> settings) {
        this.poster = Objects.requireNonNull(poster, "poster");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Posts or edits the alert's message.
     *
     * @throws PostFailure if Discord refused a step or could not be reached
     */
    public Posted post(AlertNotice notice) {
        AlertRecord alert = notice.alert();
        String guild = Long.toUnsignedString(alert.guildId());
        GuildSettings guildSettings = settings.apply(alert.guildId());
        AlertMessage message = AlertMessage.of(notice, Texts.forLocale(guildSettings.locale()));
        boolean opened = notice.kind() == AlertNotice.Kind.OPENED;
        Posted posted = opened ? poster.postOnce(guildSettings, message.toPost()) : poster.postOrEdit(guildSettings, message.toPost());
        String channel = Long.toUnsignedString(posted.channelId());
        switch (posted.outcome()) {
            case NO_CHANNEL -> log.warn("Alert {} ({} {}) of guild {} not posted: no update channel", alert.id(), alert.type(),
                    notice.kind(), guild);
            case ALREADY_POSTED -> log.info("Alert {} is already posted in channel {} (message {}); not posted again", alert.id(),
                    channel, Long.toUnsignedString(posted.messageId()));
            case EDITED -> log.info("Marked alert {} as ended in channel {} of guild {}", alert.id(), channel, guild);
            case POSTED -> log.info(opened ? "Posted alert {} in channel {} of guild {}"
                    : "Alert {} ended; its message was not found in channel {} of guild {}, so the ending was posted",
                    alert.id(), channel, guild);
        }
        return posted;
    }
}
