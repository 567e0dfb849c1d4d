package io.serverpulse.alerts.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.alerts.AlertMessage;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an alert into its guild's update channel ({@link UpdateChannels}) through Discord's REST API,
 * as the self-hosted collector does: an OPENED alert is posted as an embed that pings nobody; an
 * ENDED one edits the message whose footer names the alert ({@link AlertMessage#footerOf}), found
 * among the bot's messages in the channel's last {@value #HISTORY}, or is posted if that is not
 * there. The footer also makes a repeated OPENED delivery (a retried invoke) post nothing, so a retry
 * never gives a second message. The embed's language is the guild's. Transport-free: no Lambda types.
 */
public final class AlertPoster {

    /** How far back the update channel is searched for an alert's message (Discord's page size). */
    public static final int HISTORY = 100;

    private static final Logger log = LoggerFactory.getLogger(AlertPoster.class);

    private final DiscordCalls discord;
    private final SettingsStore settings;
    private final UpdateChannels channels;
    private volatile String selfId;

    public AlertPoster(DiscordRest rest, SettingsStore settings, Clock clock) {
        this.discord = new DiscordCalls(rest);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.channels = new UpdateChannels(discord, settings, clock);
    }

    /**
     * Posts or edits the alert's message.
     *
     * @throws PostFailure if Discord refused a step or could not be reached
     */
    public Posted post(AlertNotice notice) {
        AlertRecord alert = notice.alert();
        GuildSettings guild = settings.findSettings(alert.guildId()).orElseGet(() -> GuildSettings.defaults(alert.guildId()));
        OptionalLong channel = channels.resolve(guild);
        if (channel.isEmpty()) {
            log.warn("Alert {} ({} {}) of guild {} not posted: no update channel", alert.id(), alert.type(), notice.kind(),
                    Long.toUnsignedString(alert.guildId()));
            return Posted.noChannel();
        }
        long channelId = channel.getAsLong();
        String channelPath = "channels/" + Long.toUnsignedString(channelId) + "/messages";
        JsonNode body = AlertMessage.of(notice, Texts.forLocale(guild.locale())).toMessageJson();
        OptionalLong existing = find(channelPath, AlertMessage.footerOf(alert), alert);
        if (notice.kind() == AlertNotice.Kind.OPENED) {
            if (existing.isPresent()) {
                log.info("Alert {} is already posted in channel {} (message {}); not posted again", alert.id(),
                        Long.toUnsignedString(channelId), Long.toUnsignedString(existing.getAsLong()));
                return new Posted(Posted.Outcome.ALREADY_POSTED, channelId, existing.getAsLong());
            }
            return posted(channelId, discord.send("POST", channelPath, body, "post alert " + alert.id()), alert, "Posted alert {} in channel {} of guild {}");
        }
        if (existing.isPresent()) {
            String messageId = Long.toUnsignedString(existing.getAsLong());
            discord.send("PATCH", channelPath + "/" + messageId, body, "mark alert " + alert.id() + " as ended");
            log.info("Marked alert {} as ended in channel {} of guild {}", alert.id(), Long.toUnsignedString(channelId),
                    Long.toUnsignedString(alert.guildId()));
            return new Posted(Posted.Outcome.EDITED, channelId, existing.getAsLong());
        }
        return posted(channelId, discord.send("POST", channelPath, body, "post the end of alert " + alert.id()), alert,
                "Alert {} ended; its message was not found in channel {} of guild {}, so the ending was posted");
    }

    private static Posted posted(long channelId, JsonNode message, AlertRecord alert, String logLine) {
        log.info(logLine, alert.id(), Long.toUnsignedString(channelId), Long.toUnsignedString(alert.guildId()));
        return new Posted(Posted.Outcome.POSTED, channelId, Long.parseUnsignedLong(message.path("id").asText("0")));
    }

    /** The bot's message in the channel whose embed footer names the alert, among the last {@link #HISTORY}. */
    private OptionalLong find(String channelPath, String footer, AlertRecord alert) {
        String self = selfId();
        JsonNode messages = discord.get(channelPath + "?limit=" + HISTORY, "read the update channel for alert " + alert.id());
        for (JsonNode message : messages) {
            if (!self.equals(message.path("author").path("id").asText())) {
                continue;
            }
            for (JsonNode embed : message.path("embeds")) {
                if (footer.equals(embed.path("footer").path("text").asText())) {
                    return OptionalLong.of(Long.parseUnsignedLong(message.path("id").asText()));
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The bot's own user id, asked once per container. */
    private String selfId() {
        String id = selfId;
        if (id == null) {
            id = discord.get("users/@me", "read the bot user").path("id").asText();
            selfId = id;
        }
        return id;
    }
}
