package io.serverpulse.emulator.interactions;

import java.util.Objects;

/**
 * Who triggers an interaction, and where: a guild member in a guild channel.
 *
 * @param guild          the guild, with its preferred locale ({@code guild_locale})
 * @param channel        the channel the interaction comes from
 * @param member         the member, with their permissions in that channel
 * @param locale         the member's client language ({@code locale}), e.g. {@code en-US}
 * @param appPermissions the application's permissions in that channel ({@code app_permissions})
 */
public record Invoker(Entities.Guild guild, Entities.Channel channel, Entities.Member member, String locale, long appPermissions) {

    public Invoker {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(locale, "locale");
    }
}
