package io.serverpulse.collector.alerts;

import io.serverpulse.collector.settings.SettingsCache;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertPoster;
import io.serverpulse.common.discord.post.PostFailure;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.settings.GuildSettings;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-hosted: posts each notice with {@code common}'s {@link AlertPoster} over Discord's REST API,
 * the same poster {@code alert-function} uses, with the guild's settings from the
 * {@link SettingsCache}. A failure a retry may overcome (Discord's 5xx, a long rate limit, the
 * network) is thrown for the {@link AlertDispatcher} to retry; a refusal (a 4xx such as a missing
 * permission) is logged and not retried.
 */
public final class RestAlertPublisher implements AlertPublisher {

    private static final Logger log = LoggerFactory.getLogger(RestAlertPublisher.class);

    private final AlertPoster poster;

    public RestAlertPublisher(AlertPoster poster) {
        this.poster = Objects.requireNonNull(poster, "poster");
    }

    /** The publisher of a process that posts through {@code updates} (the process's one poster), with the guilds' cached settings. */
    public static RestAlertPublisher create(UpdatePoster updates, SettingsCache settings) {
        return new RestAlertPublisher(new AlertPoster(updates, id -> settings.get(id).orElseGet(() -> GuildSettings.defaults(id))));
    }

    @Override
    public void publish(AlertNotice notice) {
        try {
            poster.post(notice);
        } catch (PostFailure e) {
            if (e.retryable()) {
                throw e;
            }
            log.error("Alert {} {} of guild {} not posted: Discord refused it (HTTP {}): {}", notice.alert().id(), notice.kind(),
                    Long.toUnsignedString(notice.alert().guildId()), e.status(), e.getMessage());
        }
    }
}
