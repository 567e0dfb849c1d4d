package io.serverpulse.interactions.support;

import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.emulator.DiscordEmulator;
import java.util.Map;

/** Settings that point the tools at an emulator. */
public final class Registration {

    private Registration() {
    }

    public static ServerPulseConfig configFor(DiscordEmulator discord) {
        return ServerPulseConfig.load(EnvSource.of(Map.of(
                ServerPulseConfig.DISCORD_TOKEN, discord.token(),
                ServerPulseConfig.DISCORD_APPLICATION_ID, Long.toUnsignedString(discord.applicationId()),
                ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl())));
    }
}
