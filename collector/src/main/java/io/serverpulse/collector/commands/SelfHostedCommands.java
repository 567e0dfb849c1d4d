package io.serverpulse.collector.commands;

import io.serverpulse.common.ai.AiServices;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.InteractionHandler;
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
     * @param ai the AI providers, with the sealer that opens the guilds' keys (always present self-hosted: a master key
     *     is generated if none is configured)
     * @param sentimentScoring whether the operator enabled message content
     * @param refreshGuild reads a guild's settings and opt-outs again after a command in it
     */
    public static SelfHostedCommands wire(Store store, Clock clock, DiscordRest rest, AiServices ai,
                                          boolean sentimentScoring, LongConsumer refreshGuild) {
        // /pulse's chart names channels as Discord has them now (never stored)
        InteractionHandler handler = new InteractionHandler(store, CommandRegistry.standard(sentimentScoring, ai,
                new RestChannelNames(rest), Optional.empty()),
                clock);
        GatewayInteractions interactions = new GatewayInteractions(handler, rest, refreshGuild);
        return new SelfHostedCommands(interactions, List.of(interactions, new CommandRegistration(handler, rest)));
    }
}
