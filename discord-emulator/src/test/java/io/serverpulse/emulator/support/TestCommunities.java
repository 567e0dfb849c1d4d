package io.serverpulse.emulator.support;

import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small hand-built communities for tests: ids are snowflakes of fixed instants, so tests are deterministic. */
public final class TestCommunities {

    /** One guild's ids, for building timelines. */
    public record Ids(long guildId, long ownerId, long generalId, long randomId, long voiceId, long categoryId,
                      List<Long> memberIds, long emojiId) {
    }

    private TestCommunities() {
    }

    /** Guild {@code n} (n ≥ 1): owner plus {@code members} members, #general, #random, a Lounge voice channel, a category, one emoji. */
    public static Ids ids(int n, int members) {
        Instant base = Instant.parse("2021-01-01T00:00:00Z").plusSeconds(86_400L * n);
        long guild = Snowflake.of(base.plusMillis(n), n);
        List<Long> memberIds = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            memberIds.add(Snowflake.of(Instant.parse("2019-01-01T00:00:00Z").plusSeconds(3_600L * i), 1000L * n + i));
        }
        return new Ids(guild, Snowflake.of(Instant.parse("2018-06-01T00:00:00Z"), n), Snowflake.of(base.plusSeconds(1), n),
                Snowflake.of(base.plusSeconds(2), n), Snowflake.of(base.plusSeconds(3), n), Snowflake.of(base.plusSeconds(4), n),
                memberIds, Snowflake.of(base.plusSeconds(5), n));
    }

    public static Community community(Ids ids) {
        List<Community.Member> members = new ArrayList<>();
        members.add(new Community.Member(ids.ownerId(), "owner" + ids.guildId() % 1000, false));
        for (int i = 0; i < ids.memberIds().size(); i++) {
            members.add(new Community.Member(ids.memberIds().get(i), "member" + i, false));
        }
        return new Community(ids.guildId(), "Guild " + Long.toUnsignedString(ids.guildId()), ids.ownerId(),
                List.of(new Community.Channel(ids.categoryId(), "Text", ChannelType.GUILD_CATEGORY, 0),
                        new Community.Channel(ids.generalId(), "general", ChannelType.GUILD_TEXT, 1),
                        new Community.Channel(ids.randomId(), "random", ChannelType.GUILD_TEXT, 2),
                        new Community.Channel(ids.voiceId(), "Lounge", ChannelType.GUILD_VOICE, 3)),
                members, List.of(new Community.Emoji(ids.emojiId(), "pulse")));
    }
}
