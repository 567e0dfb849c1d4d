package io.serverpulse.alerts.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the channel a guild's alerts go to, over REST, as the collector does over the gateway: the one
 * set with {@code /set-update-channel}; if none is set (or it was deleted), a text channel named
 * {@value #DEFAULT_NAME}; if there is none, it is created. A channel found or created this way is
 * saved as the guild's update channel, unless an admin chose one meanwhile.
 */
public final class UpdateChannels {

    public static final String DEFAULT_NAME = "serverpulse-updates";
    static final String TOPIC = "ServerPulse posts alerts and digests here. Change it with /set-update-channel.";
    private static final int GUILD_TEXT = 0;

    private static final Logger log = LoggerFactory.getLogger(UpdateChannels.class);

    private final DiscordCalls discord;
    private final SettingsStore store;
    private final Clock clock;

    UpdateChannels(DiscordCalls discord, SettingsStore store, Clock clock) {
        this.discord = Objects.requireNonNull(discord, "discord");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The guild's update channel id, found or created; empty if the bot may not create it. */
    OptionalLong resolve(GuildSettings settings) {
        long guildId = settings.guildId();
        String guild = Long.toUnsignedString(guildId);
        if (settings.updateChannelId() != null) {
            String id = Long.toUnsignedString(settings.updateChannelId());
            boolean usable = discord.find("channels/" + id, "read the update channel of guild " + guild)
                    .filter(channel -> guild.equals(channel.path("guild_id").asText()) && channel.path("type").asInt(-1) == GUILD_TEXT)
                    .isPresent();
            if (usable) {
                return OptionalLong.of(settings.updateChannelId());
            }
            log.warn("The update channel {} of guild {} no longer exists; using #{}", id, guild, DEFAULT_NAME);
        }
        JsonNode existing = null;
        for (JsonNode channel : discord.get("guilds/" + guild + "/channels", "list the channels of guild " + guild)) {
            if (channel.path("type").asInt(-1) == GUILD_TEXT && DEFAULT_NAME.equalsIgnoreCase(channel.path("name").asText())) {
                existing = channel;
                break;
            }
        }
        long channelId;
        if (existing != null) {
            channelId = Long.parseUnsignedLong(existing.path("id").asText());
        } else {
            try {
                JsonNode created = discord.send("POST", "guilds/" + guild + "/channels",
                        DiscordJson.object().put("name", DEFAULT_NAME).put("type", GUILD_TEXT).put("topic", TOPIC),
                        "create #" + DEFAULT_NAME + " in guild " + guild);
                channelId = Long.parseUnsignedLong(created.path("id").asText());
            } catch (PostFailure e) {
                if (e.status() == 403) {
                    log.warn("Guild {} has no update channel and ServerPulse may not create #{} (Manage Channels): {}",
                            guild, DEFAULT_NAME, e.getMessage());
                    return OptionalLong.empty();
                }
                throw e;
            }
            log.info("Created #{} ({}) in guild {} for alerts", DEFAULT_NAME, Long.toUnsignedString(channelId), guild);
        }
        remember(settings, channelId);
        return OptionalLong.of(channelId);
    }

    /**
     * Saves the channel as the guild's update channel, atomically: only if the stored update channel
     * is still the one the channel was resolved from (an admin who chose one meanwhile keeps it).
     */
    private void remember(GuildSettings settings, long channelId) {
        try {
            store.updateSettings(settings.guildId(), current -> Objects.equals(current.updateChannelId(), settings.updateChannelId())
                    ? current.withUpdateChannel(channelId, clock.instant()) : current);
        } catch (RuntimeException e) {
            log.warn("Could not save #{} as the update channel of guild {}: {}", DEFAULT_NAME,
                    Long.toUnsignedString(settings.guildId()), e.toString());
        }
    }
}
