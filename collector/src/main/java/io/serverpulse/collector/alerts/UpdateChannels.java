package io.serverpulse.collector.alerts;

import io.serverpulse.collector.settings.SettingsCache;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the channel a guild's alerts and digests go to: the one set with {@code /set-update-channel};
 * if none is set (or it was deleted), a text channel named {@value #DEFAULT_NAME}; if there is none,
 * it is created. A channel found or created this way is saved as the guild's update channel, unless
 * an admin chose one meanwhile.
 * Blocking (REST): call it off the gateway thread.
 */
public final class UpdateChannels {

    public static final String DEFAULT_NAME = "serverpulse-updates";

    private static final Logger log = LoggerFactory.getLogger(UpdateChannels.class);

    private final SettingsCache cache;
    private final SettingsStore store;
    private final Clock clock;

    public UpdateChannels(SettingsCache cache, SettingsStore store, Clock clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The guild's update channel, found or created; empty if the bot may not create it. */
    public Optional<TextChannel> resolve(Guild guild) {
        GuildSettings settings = cache.get(guild.getIdLong()).orElseGet(() -> GuildSettings.defaults(guild.getIdLong()));
        if (settings.updateChannelId() != null) {
            TextChannel configured = guild.getTextChannelById(settings.updateChannelId());
            if (configured != null) {
                return Optional.of(configured);
            }
            log.warn("The update channel {} of guild {} no longer exists; using #{}", settings.updateChannelId(),
                    guild.getIdLong(), DEFAULT_NAME);
        }
        List<TextChannel> named = guild.getTextChannelsByName(DEFAULT_NAME, true);
        TextChannel channel;
        if (!named.isEmpty()) {
            channel = named.get(0);
        } else if (guild.getSelfMember().hasPermission(Permission.MANAGE_CHANNEL)) {
            channel = guild.createTextChannel(DEFAULT_NAME)
                    .setTopic("ServerPulse posts alerts and digests here. Change it with /set-update-channel.")
                    .complete();
            log.info("Created #{} ({}) in guild {} for alerts", DEFAULT_NAME, channel.getIdLong(), guild.getIdLong());
        } else {
            log.warn("Guild {} has no update channel and ServerPulse may not create #{} (Manage Channels)",
                    guild.getIdLong(), DEFAULT_NAME);
            return Optional.empty();
        }
        remember(settings, channel.getIdLong());
        return Optional.of(channel);
    }

    /**
     * Saves the channel as the guild's update channel, atomically: only if the stored update channel
     * is still the one the channel was resolved from (an admin who chose one meanwhile keeps it). The
     * cache gets what is stored.
     */
    private void remember(GuildSettings settings, long channelId) {
        try {
            cache.put(store.updateSettings(settings.guildId(), current -> Objects.equals(current.updateChannelId(),
                    settings.updateChannelId()) ? current.withUpdateChannel(channelId, clock.instant()) : current));
        } catch (RuntimeException e) {
            log.warn("Could not save #{} as the update channel of guild {}: {}", DEFAULT_NAME, settings.guildId(), e.getMessage());
        }
    }
}
