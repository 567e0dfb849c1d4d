package io.serverpulse.common.digest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.DiscordRestException;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import io.serverpulse.common.discord.rest.Routes;
import io.serverpulse.common.lazy.Lazy;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channel names over Discord's REST API with the bot token: one {@code GET /guilds/{guild.id}/channels} per
 * chart (the guild's channels the bot can see). Any failure is logged and answers no names.
 */
public final class RestChannelNames implements ChannelNames {

    private static final Logger LOG = LoggerFactory.getLogger(RestChannelNames.class);

    private final Lazy<DiscordRest> rest;

    public RestChannelNames(DiscordRest rest) {
        this(Lazy.built(rest));
    }

    private RestChannelNames(Lazy<DiscordRest> rest) {
        this.rest = rest;
    }

    /** Names whose HTTP client is built on first use (most interactions never draw a chart). */
    public static RestChannelNames lazy(String apiBaseUrl, String botToken) {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(botToken, "botToken");
        return new RestChannelNames(Lazy.of(() -> DiscordRest.create(apiBaseUrl, Optional.of(botToken))));
    }

    @Override
    public Map<Long, String> names(long guildId, Collection<Long> channelIds) {
        if (channelIds.isEmpty()) {
            return Map.of();
        }
        try {
            RestResult result = rest.get().send(RestCall.of(Routes.GUILD_CHANNELS.compile(guildId)));
            if (!result.ok()) {
                LOG.info("Channel names of guild {} not available for a chart: Discord answered {}", guildId, result.status());
                return Map.of();
            }
            Set<Long> wanted = new HashSet<>(channelIds);
            Map<Long, String> names = new HashMap<>();
            for (JsonNode channel : result.json().filter(JsonNode::isArray).orElseThrow(() ->
                    new IllegalStateException("not a channel list"))) {
                long id = Long.parseUnsignedLong(channel.path("id").asText("0"));
                String name = channel.path("name").asText("");
                if (wanted.contains(id) && !name.isBlank()) {
                    names.put(id, name);
                }
            }
            return names;
        } catch (DiscordRestException | IllegalStateException | NumberFormatException e) {
            LOG.info("Channel names of guild {} not available for a chart: {}", guildId, e.getClass().getSimpleName());
            return Map.of();
        }
    }
}
