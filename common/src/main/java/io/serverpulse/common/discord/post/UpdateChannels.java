package io.serverpulse.common.discord.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import io.serverpulse.common.discord.rest.Routes;
import io.serverpulse.common.settings.GuildSettings;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the channel a guild's alerts and digests go to, over REST: the one saved in its settings
 * ({@code /set-update-channel}, or found earlier), if it still exists, is a text channel and belongs
 * to the guild; else a text channel named {@value #DEFAULT_NAME}; if there is none, it is created.
 * A channel found or created this way is saved ({@link UpdateChannelStore}). If Discord refuses the
 * creation (403: the bot lacks Manage Channels) there is no channel: that is said once per guild in
 * the log, naming the permission, and nothing is retried. One guild is resolved by one thread at a
 * time, so two posts never create two channels.
 */
final class UpdateChannels {

    static final String DEFAULT_NAME = "serverpulse-updates";
    static final String TOPIC = "ServerPulse posts alerts and digests here. Change it with /set-update-channel.";
    private static final int GUILD_TEXT = 0;
    private static final int LOCKS = 64;

    private static final Logger log = LoggerFactory.getLogger(UpdateChannels.class);

    private final DiscordCalls discord;
    private final UpdateChannelStore store;
    private final Object[] locks = new Object[LOCKS];
    /** Guilds whose missing permission was logged (until they have a channel again). */
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();

    UpdateChannels(DiscordCalls discord, UpdateChannelStore store) {
        this.discord = Objects.requireNonNull(discord, "discord");
        this.store = Objects.requireNonNull(store, "store");
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    /** The guild's update channel id, found or created; empty if the bot may not create it. */
    OptionalLong resolve(GuildSettings settings) {
        synchronized (locks[Math.floorMod(Long.hashCode(settings.guildId()), LOCKS)]) {
            OptionalLong channel = resolveLocked(settings);
            if (channel.isPresent()) {
                refused.remove(settings.guildId());
            }
            return channel;
        }
    }

    private OptionalLong resolveLocked(GuildSettings settings) {
        long guildId = settings.guildId();
        String guild = Long.toUnsignedString(guildId);
        Long saved = settings.updateChannelId();
        if (saved != null) {
            boolean usable = discord.find(Routes.CHANNEL.compile(saved), "read the update channel of guild " + guild)
                    .filter(channel -> guild.equals(channel.path("guild_id").asText()) && channel.path("type").asInt(-1) == GUILD_TEXT)
                    .isPresent();
            if (usable) {
                return OptionalLong.of(saved);
            }
            log.warn("The update channel {} of guild {} no longer exists; using #{}", Long.toUnsignedString(saved), guild,
                    DEFAULT_NAME);
        }
        OptionalLong channel = named(guildId);
        if (channel.isEmpty()) {
            channel = create(guildId);
        }
        channel.ifPresent(id -> store.remember(settings, id));
        return channel;
    }

    private OptionalLong named(long guildId) {
        for (JsonNode channel : discord.get(Routes.GUILD_CHANNELS.compile(guildId), "list the channels of guild "
                + Long.toUnsignedString(guildId))) {
            if (channel.path("type").asInt(-1) == GUILD_TEXT && DEFAULT_NAME.equalsIgnoreCase(channel.path("name").asText())) {
                return OptionalLong.of(Long.parseUnsignedLong(channel.path("id").asText()));
            }
        }
        return OptionalLong.empty();
    }

    private OptionalLong create(long guildId) {
        String guild = Long.toUnsignedString(guildId);
        String body = DiscordJson.write(DiscordJson.object().put("name", DEFAULT_NAME).put("type", GUILD_TEXT).put("topic", TOPIC));
        String what = "create #" + DEFAULT_NAME + " in guild " + guild;
        RestResult result = discord.call(RestCall.json(Routes.GUILD_CHANNEL_CREATE.compile(guildId), body), what);
        if (result.status() == 403) {
            if (refused.add(guildId)) {
                log.warn("Guild {} has no update channel and ServerPulse may not create #{} (Manage Channels): HTTP 403 code {}",
                        guild, DEFAULT_NAME, result.errorCode());
            }
            return OptionalLong.empty();
        }
        long channelId = Long.parseUnsignedLong(DiscordCalls.expectOk(result, what).path("id").asText());
        log.info("Created #{} ({}) in guild {}", DEFAULT_NAME, Long.toUnsignedString(channelId), guild);
        return OptionalLong.of(channelId);
    }
}
