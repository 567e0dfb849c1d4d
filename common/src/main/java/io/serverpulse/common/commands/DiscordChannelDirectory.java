package io.serverpulse.common.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.RateLimits;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import io.serverpulse.common.discord.rest.Routes;
import io.serverpulse.common.discord.rest.Sleeper;
import io.serverpulse.common.lazy.Lazy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks Discord where a channel belongs: {@code GET channels/{id}} with the bot token, its {@code guild_id}.
 * Used only for a channel the interaction did not resolve with its guild. Short timeouts: the answer is part
 * of a command's time budget.
 */
public final class DiscordChannelDirectory implements ChannelDirectory {

    /** One request, no long waits: past these the channel is refused as unverified, the member can retry. */
    static final Duration TIMEOUT = Duration.ofMillis(1500);
    static final Duration MAX_WAIT = Duration.ofMillis(500);

    private final Lazy<DiscordRest> rest;

    private DiscordChannelDirectory(Lazy<DiscordRest> rest) {
        this.rest = rest;
    }

    /** A directory whose HTTP client is built on first use (a PING or most commands never need it). */
    public static DiscordChannelDirectory lazy(String apiBaseUrl, String botToken) {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(botToken, "botToken");
        return new DiscordChannelDirectory(Lazy.of(() -> new DiscordRest(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build(),
                apiBaseUrl, Optional.of(botToken), new RateLimits(), Sleeper.SYSTEM, TIMEOUT, MAX_WAIT)));
    }

    @Override
    public Optional<Long> guildOf(long channelId) {
        RestResult result = rest.get().send(RestCall.of(Routes.CHANNEL.compile(channelId)));
        if (!result.ok()) {
            return Optional.empty();
        }
        JsonNode guild = result.json().map(json -> json.path("guild_id")).orElse(null);
        if (guild == null || !guild.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Snowflake.parse(guild.textValue()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
