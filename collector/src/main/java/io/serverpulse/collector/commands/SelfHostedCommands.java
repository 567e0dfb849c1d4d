package io.serverpulse.collector.commands;

import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.digest.RestChannelNames;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Self-hosted mode: the command core answering interactions that arrive over the gateway
 * ({@link GatewayInteractions}), and the registration of the slash commands ({@link CommandRegistration}).
 *
 * @param interactions the listener answering interactions (closed on shutdown)
 * @param listeners both JDA listeners, to add to the gateway
 */
public record SelfHostedCommands(GatewayInteractions interactions, List<Object> listeners) {

    /**
     * @param sealer seals and opens AI keys (always present self-hosted: a key is generated if none is configured)
     * @param sentimentScoring whether the operator enabled message content
     * @param aiEndpoints where the AI providers are reached
     * @param refreshGuild reads a guild's settings and opt-outs again after a command in it
     */
    public static SelfHostedCommands wire(Store store, Clock clock, DiscordRest rest, Optional<SecretSealer> sealer,
                                          boolean sentimentScoring, AiEndpoints aiEndpoints, LongConsumer refreshGuild) {
        InteractionHandler handler = new InteractionHandler(store, CommandRegistry.standard(sealer, sentimentScoring, aiEndpoints,
                new RestChannelNames(rest)),
                clock);
        GatewayInteractions interactions = new GatewayInteractions(handler, rest, refreshGuild);
        return new SelfHostedCommands(interactions, List.of(interactions, new CommandRegistration(handler, rest)));
    }
}
