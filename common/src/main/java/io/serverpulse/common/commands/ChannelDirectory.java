package io.serverpulse.common.commands;

import java.util.Optional;

/**
 * Where a channel belongs, for a channel id the interaction did not resolve with its guild (Discord's
 * {@code data.resolved.channels} normally carries {@code guild_id}; this is the fallback).
 */
@FunctionalInterface
public interface ChannelDirectory {

    /** Nothing to ask: a channel the interaction did not place in its guild is refused. */
    ChannelDirectory NONE = channelId -> Optional.empty();

    /**
     * The guild the channel belongs to; empty when that cannot be said (unknown channel, a DM channel,
     * or no way to ask).
     *
     * @throws RuntimeException if asking failed; the command core treats that like "cannot be said"
     */
    Optional<Long> guildOf(long channelId);
}
