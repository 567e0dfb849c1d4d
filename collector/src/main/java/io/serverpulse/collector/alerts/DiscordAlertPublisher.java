package io.serverpulse.collector.alerts;

import io.serverpulse.collector.settings.SettingsCache;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-hosted: posts an alert as an embed in the guild's update channel when it opens, and edits
 * that same message when it ends, so one incident is one message. Remembers the message of each
 * ongoing incident (a few per guild at most) until it ends; an incident that outlived a restart is
 * found again by its footer.
 */
public final class DiscordAlertPublisher implements AlertPublisher {

    private static final Logger log = LoggerFactory.getLogger(DiscordAlertPublisher.class);
    /** How far back the update channel is searched for an alert's message posted by an earlier process. */
    static final int HISTORY = 100;

    private record Posted(long channelId, long messageId) {
    }

    private final LongFunction<Guild> guilds;
    private final UpdateChannels channels;
    private final SettingsCache settings;
    private final Map<String, Posted> ongoing = new ConcurrentHashMap<>();

    /** @param guilds a guild by id from the running shards, or null if this process does not serve it */
    public DiscordAlertPublisher(LongFunction<Guild> guilds, UpdateChannels channels, SettingsCache settings) {
        this.guilds = Objects.requireNonNull(guilds, "guilds");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void publish(AlertNotice notice) {
        AlertRecord alert = notice.alert();
        Guild guild = guilds.apply(alert.guildId());
        if (guild == null) {
            log.warn("Alert {} not posted: guild {} is not served by this process", alert.id(), alert.guildId());
            return;
        }
        String locale = settings.get(alert.guildId()).map(GuildSettings::locale).orElse(GuildSettings.DEFAULT_LOCALE);
        MessageEmbed embed = AlertEmbeds.of(notice, Texts.forLocale(locale));
        if (notice.kind() == AlertNotice.Kind.OPENED) {
            Optional<TextChannel> channel = channels.resolve(guild);
            if (channel.isEmpty()) {
                return;
            }
            Message message = channel.get().sendMessageEmbeds(embed).setAllowedMentions(java.util.List.of()).complete();
            ongoing.put(alert.id(), new Posted(channel.get().getIdLong(), message.getIdLong()));
            log.info("Posted alert {} in #{} of guild {}", alert.id(), channel.get().getName(), alert.guildId());
            return;
        }
        Posted posted = ongoing.get(alert.id());
        TextChannel channel = posted == null ? null : guild.getTextChannelById(posted.channelId());
        if (channel == null) {
            endPostedElsewhere(guild, alert, embed);
            ongoing.remove(alert.id());
            return;
        }
        channel.editMessageEmbedsById(posted.messageId(), embed).complete();
        ongoing.remove(alert.id());
        log.info("Marked alert {} as ended in guild {}", alert.id(), alert.guildId());
    }

    /**
     * The incident opened before this process started (an activity drop outlives a restart): find
     * its message among the update channel's last {@value #HISTORY} messages by the footer that
     * names the alert, and edit it; if it is not there, post the ended alert, so that the admins
     * still learn that it is over.
     */
    private void endPostedElsewhere(Guild guild, AlertRecord alert, MessageEmbed embed) {
        Optional<TextChannel> channel = channels.resolve(guild);
        if (channel.isEmpty()) {
            return;
        }
        String footer = AlertEmbeds.footer(alert);
        long self = guild.getJDA().getSelfUser().getIdLong();
        Optional<Message> original = channel.get().getHistory().retrievePast(HISTORY).complete().stream()
                .filter(m -> m.getAuthor().getIdLong() == self)
                .filter(m -> m.getEmbeds().stream().anyMatch(e -> e.getFooter() != null && footer.equals(e.getFooter().getText())))
                .findFirst();
        if (original.isPresent()) {
            channel.get().editMessageEmbedsById(original.get().getIdLong(), embed).complete();
            log.info("Marked alert {} as ended in guild {} (posted before this process started)", alert.id(), alert.guildId());
        } else {
            channel.get().sendMessageEmbeds(embed).setAllowedMentions(java.util.List.of()).complete();
            log.info("Alert {} ended; its message was not found in #{}, so the ending was posted", alert.id(),
                    channel.get().getName());
        }
    }

    /** Incidents whose message waits for its "ended" edit. */
    public int ongoing() {
        return ongoing.size();
    }
}
