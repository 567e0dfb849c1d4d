package io.serverpulse.emulator;

import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.timeline.TimelineEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in {@code demo} scenario: one small hand-made guild and an hour of activity —
 * messages, a deletion, a bulk deletion, reactions, a join, a leave, and voice sessions.
 */
public final class DemoScenario implements ScenarioProvider {

    public static final String NAME = "demo";

    static final Instant START = Instant.parse("2025-03-03T18:00:00Z");

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public Optional<Scenario> scenario(String name) {
        return NAME.equals(name) ? Optional.of(build()) : Optional.empty();
    }

    static Scenario build() {
        long guild = Snowflake.of(Instant.parse("2021-05-01T12:00:00Z"), 1);
        long general = Snowflake.of(Instant.parse("2021-05-01T12:00:01Z"), 1);
        long gaming = Snowflake.of(Instant.parse("2021-05-01T12:00:02Z"), 1);
        long voice = Snowflake.of(Instant.parse("2021-05-01T12:00:03Z"), 1);
        long owner = Snowflake.of(Instant.parse("2019-02-01T00:00:00Z"), 1);
        List<Community.Member> members = new ArrayList<>();
        members.add(new Community.Member(owner, "ada", false));
        String[] names = {"grace", "linus", "margaret", "ken"};
        for (int i = 0; i < names.length; i++) {
            members.add(new Community.Member(Snowflake.of(Instant.parse("2019-03-01T00:00:00Z"), i + 1), names[i], false));
        }
        Community.Emoji party = new Community.Emoji(Snowflake.of(Instant.parse("2021-06-01T00:00:00Z"), 1), "party");
        Community community = new Community(guild, "Demo Guild", owner,
                List.of(new Community.Channel(general, "general", ChannelType.GUILD_TEXT, 0),
                        new Community.Channel(gaming, "gaming", ChannelType.GUILD_TEXT, 1),
                        new Community.Channel(voice, "Lounge", ChannelType.GUILD_VOICE, 2)),
                members, List.of(party));

        List<TimelineEvent> events = new ArrayList<>();
        Instant t = START;
        List<Long> gamingMessages = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            t = t.plus(Duration.ofMinutes(2));
            Community.Member author = members.get(i % members.size());
            long channel = i % 3 == 0 ? gaming : general;
            long id = Snowflake.of(t, 0);
            events.add(new TimelineEvent.MessageCreate(guild, channel, id, author.userId(), false, "demo message " + i, t));
            if (channel == gaming) {
                gamingMessages.add(id);
            }
            if (i % 4 == 1) {
                Instant r = t.plusSeconds(20);
                events.add(new TimelineEvent.ReactionAdd(guild, channel, id, members.get((i + 1) % members.size()).userId(),
                        i % 8 == 1 ? "👍" : party.reactionKey(), r));
            }
            if (i == 6) {
                events.add(new TimelineEvent.MessageDelete(guild, channel, id, t.plusSeconds(30)));
            }
            if (i == 10) {
                events.add(new TimelineEvent.VoiceStateUpdate(guild, members.get(1).userId(), voice, t.plusSeconds(5)));
                events.add(new TimelineEvent.VoiceStateUpdate(guild, members.get(2).userId(), voice, t.plusSeconds(9)));
            }
            if (i == 18) {
                events.add(new TimelineEvent.VoiceStateUpdate(guild, members.get(2).userId(), null, t.plusSeconds(5)));
            }
        }
        long newcomer = Snowflake.of(START.plus(Duration.ofMinutes(30)), 7);
        events.add(new TimelineEvent.MemberAdd(guild, newcomer, "newcomer", false, t.plusSeconds(40)));
        events.add(new TimelineEvent.MessageCreate(guild, general, Snowflake.of(t.plusSeconds(50), 0), newcomer, false, "hi all", t.plusSeconds(50)));
        events.add(new TimelineEvent.MessageDeleteBulk(guild, gaming, gamingMessages.subList(0, 2), t.plusSeconds(70)));
        events.add(new TimelineEvent.MemberRemove(guild, members.get(4).userId(), t.plusSeconds(90)));
        events.add(new TimelineEvent.VoiceStateUpdate(guild, members.get(1).userId(), null, t.plusSeconds(100)));
        events.sort((a, b) -> a.at().compareTo(b.at()));
        return new Scenario(NAME, List.of(community), events);
    }
}
