package io.serverpulse.interactions.support;

import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A small guild for the emulator: an owner (who has every permission), members without Manage Server, #general. */
public final class TestGuild {

    public static final long GUILD = Snowflake.of(Instant.parse("2024-01-01T00:00:00Z"), 1);
    public static final long OWNER = Snowflake.of(Instant.parse("2023-01-01T00:00:00Z"), 1);
    public static final long CATEGORY = Snowflake.of(Instant.parse("2024-01-01T00:00:01Z"), 1);
    public static final long GENERAL = Snowflake.of(Instant.parse("2024-01-01T00:00:02Z"), 1);
    public static final long RANDOM = Snowflake.of(Instant.parse("2024-01-01T00:00:03Z"), 1);
    public static final List<Long> MEMBERS = members(6);

    private TestGuild() {
    }

    private static List<Long> members(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Snowflake.of(Instant.parse("2023-06-01T00:00:00Z").plusSeconds(3_600L * i), 100 + i));
        }
        return List.copyOf(ids);
    }

    public static Community community() {
        List<Community.Member> members = new ArrayList<>();
        members.add(new Community.Member(OWNER, "owner", false));
        for (int i = 0; i < MEMBERS.size(); i++) {
            members.add(new Community.Member(MEMBERS.get(i), "member" + i, false));
        }
        return new Community(GUILD, "Pulse Test", OWNER,
                List.of(new Community.Channel(CATEGORY, "Text", ChannelType.GUILD_CATEGORY, 0),
                        new Community.Channel(GENERAL, "general", ChannelType.GUILD_TEXT, 1),
                        new Community.Channel(RANDOM, "random", ChannelType.GUILD_TEXT, 2)),
                members, List.of());
    }
}
