package io.serverpulse.emulator.interactions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The Discord entities an interaction carries, each rendered the way Discord renders it inside an
 * interaction (ids as decimal strings, permissions as a decimal string, timestamps ISO 8601 with
 * microseconds and an offset).
 */
public final class Entities {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private Entities() {
    }

    static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    /** A user, as in {@code member.user} or {@code resolved.users}. */
    public record User(long id, String username, String globalName, boolean bot) {

        public User {
            Objects.requireNonNull(username, "username");
        }

        public static User human(long id, String username) {
            return new User(id, username, username, false);
        }

        public ObjectNode toJson() {
            ObjectNode user = JSON.objectNode();
            user.put("id", Long.toUnsignedString(id));
            user.put("username", username);
            user.put("global_name", globalName);
            user.putNull("avatar");
            user.put("discriminator", "0");
            user.put("public_flags", 0);
            user.put("flags", 0);
            if (bot) {
                user.put("bot", true);
            }
            user.putNull("banner");
            user.putNull("accent_color");
            user.putNull("avatar_decoration_data");
            user.putNull("collectibles");
            user.putNull("primary_guild");
            return user;
        }
    }

    /**
     * A guild member. {@code permissions} are the member's permissions in the channel the interaction
     * comes from, overwrites included (what Discord puts in {@code member.permissions}).
     */
    public record Member(User user, long permissions, List<Long> roleIds, Instant joinedAt, String nick) {

        public Member {
            Objects.requireNonNull(user, "user");
            roleIds = List.copyOf(roleIds);
            Objects.requireNonNull(joinedAt, "joinedAt");
        }

        public static Member of(User user, long permissions, Instant joinedAt) {
            return new Member(user, permissions, List.of(), joinedAt, null);
        }

        /** As the interaction's {@code member}: with {@code user}, {@code deaf} and {@code mute}. */
        public ObjectNode toJson() {
            ObjectNode member = partialJson();
            member.put("deaf", false);
            member.put("mute", false);
            member.set("user", user.toJson());
            return member;
        }

        /** As in {@code resolved.members}: without {@code user}, {@code deaf} and {@code mute}. */
        public ObjectNode partialJson() {
            ObjectNode member = JSON.objectNode();
            member.putNull("avatar");
            member.putNull("banner");
            member.putNull("communication_disabled_until");
            member.put("flags", 0);
            member.put("joined_at", timestamp(joinedAt));
            if (nick == null) {
                member.putNull("nick");
            } else {
                member.put("nick", nick);
            }
            member.put("pending", false);
            member.put("permissions", Long.toUnsignedString(permissions));
            member.putNull("premium_since");
            member.putNull("unusual_dm_activity_until");
            var roles = member.putArray("roles");
            roleIds.forEach(role -> roles.add(Long.toUnsignedString(role)));
            return member;
        }
    }

    /** A guild channel as Discord sends it partially in {@code channel} and {@code resolved.channels}. */
    public record Channel(long id, String name, int type, long guildId, Long parentId, int position) {

        public static final int GUILD_TEXT = 0;
        public static final int GUILD_VOICE = 2;
        public static final int GUILD_CATEGORY = 4;

        public Channel {
            Objects.requireNonNull(name, "name");
        }

        public static Channel text(long id, String name, long guildId) {
            return new Channel(id, name, GUILD_TEXT, guildId, null, 0);
        }

        /** @param permissions the invoking member's (or app's) permissions in this channel */
        public ObjectNode toJson(long permissions) {
            ObjectNode channel = JSON.objectNode();
            channel.put("id", Long.toUnsignedString(id));
            channel.put("type", type);
            channel.put("name", name);
            channel.put("guild_id", Long.toUnsignedString(guildId));
            if (parentId == null) {
                channel.putNull("parent_id");
            } else {
                channel.put("parent_id", Long.toUnsignedString(parentId));
            }
            channel.put("position", position);
            channel.put("flags", 0);
            channel.put("nsfw", false);
            if (type == GUILD_TEXT) {
                channel.putNull("topic");
                channel.putNull("last_message_id");
                channel.put("rate_limit_per_user", 0);
            }
            channel.put("permissions", Long.toUnsignedString(permissions));
            return channel;
        }
    }

    /** A role, as in {@code resolved.roles}. */
    public record Role(long id, String name, long permissions, int position) {

        public Role {
            Objects.requireNonNull(name, "name");
        }

        public ObjectNode toJson() {
            ObjectNode role = JSON.objectNode();
            role.put("id", Long.toUnsignedString(id));
            role.put("name", name);
            role.putNull("description");
            role.put("permissions", Long.toUnsignedString(permissions));
            role.put("position", position);
            role.put("color", 0);
            role.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
            role.put("hoist", false);
            role.put("managed", false);
            role.put("mentionable", false);
            role.putNull("icon");
            role.putNull("unicode_emoji");
            role.put("flags", 0);
            return role;
        }
    }

    /** The guild an interaction comes from. */
    public record Guild(long id, String locale) {

        public Guild {
            Objects.requireNonNull(locale, "locale");
        }

        /** As the interaction's partial {@code guild}. */
        public ObjectNode toJson() {
            ObjectNode guild = JSON.objectNode();
            guild.put("id", Long.toUnsignedString(id));
            guild.put("locale", locale);
            guild.putArray("features");
            return guild;
        }
    }
}
