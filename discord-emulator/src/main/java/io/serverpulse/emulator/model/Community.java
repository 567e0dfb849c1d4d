package io.serverpulse.emulator.model;

import java.util.List;
import java.util.Objects;

/**
 * A simulated guild: what GUILD_CREATE describes. Members listed here are in the guild when the
 * bot connects; the timeline adds and removes others.
 */
public record Community(long guildId, String name, long ownerId, List<Channel> channels, List<Member> members,
                        List<Emoji> emojis) {

    public Community {
        Objects.requireNonNull(name, "name");
        channels = List.copyOf(channels);
        members = List.copyOf(members);
        emojis = List.copyOf(emojis);
    }

    public record Channel(long id, String name, ChannelType type, int position) {
    }

    public record Member(long userId, String username, boolean bot) {
    }

    /** A guild emoji; in events it appears as {@code name:id}. */
    public record Emoji(long id, String name) {
        public String reactionKey() {
            return name + ":" + id;
        }
    }
}
