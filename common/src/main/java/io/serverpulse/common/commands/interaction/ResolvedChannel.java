package io.serverpulse.common.commands.interaction;

/**
 * A channel Discord resolved for an option or a select: id, name, channel type (-1 if absent) and the
 * guild it belongs to (0 if Discord did not say).
 */
public record ResolvedChannel(long id, String name, int type, long guildId) {

    /** Whether Discord named the channel's guild. */
    public boolean hasGuild() {
        return guildId != 0;
    }
}
