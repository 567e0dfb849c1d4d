package io.serverpulse.emulator.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Ready-made simulations. All start on {@link ScenarioSpec#DEFAULT_START} (Monday 2 March 2026,
 * 00:00 UTC); the same seed always gives the same simulation.
 */
public final class Scenarios {

    private static final Instant START = ScenarioSpec.DEFAULT_START;

    private Scenarios() {
    }

    /**
     * A small guild (40 members, 2 bots; 4 text channels of which 3 collected; 2 voice channels; 3
     * emojis) over 2 days, 600 events, with one incident of each type at fixed times: an activity
     * drop of 90 % on Monday 18:00-21:00 UTC, a raid of 12 joins on Tuesday 10:20, a mass deletion
     * (4 single deletes and a bulk delete of 6) on Tuesday 15:40, a voice surge of 6 members on
     * Tuesday 20:05.
     */
    public static SimulatedCommunity small(long seed) {
        return TimelineGenerator.generate(smallSpec(seed).build());
    }

    public static ScenarioSpec.Builder smallSpec(long seed) {
        return ScenarioSpec.builder(seed)
                .start(START)
                .duration(Duration.ofDays(2))
                .targetEvents(600)
                .guild(new CommunitySpec(null, 40, 2, 4, 3, 2, 3, 0, 1.0))
                .incident(new IncidentSpec.ActivityDrop(0, at(0, 18, 0), 3, 90))
                .incident(new IncidentSpec.JoinRaid(0, at(1, 10, 20), 12))
                .incident(new IncidentSpec.MassDeletion(0, at(1, 15, 40), 4, 6))
                .incident(new IncidentSpec.VoiceSurge(0, at(1, 20, 5), 6));
    }

    /**
     * A large guild (1,500 members, 12 bots; 12 text channels of which 8 collected; 4 voice
     * channels; 10 emojis) over 7 days with {@code events} events (at least 1,000), and one incident
     * of each type: an activity drop of 90 % on Tuesday 19:00-23:00 UTC, a raid of 60 joins on
     * Wednesday 13:37, a mass deletion (10 single deletes and a bulk delete of 40) on Thursday 16:12,
     * a voice surge of 25 members on Friday 21:03.
     */
    public static SimulatedCommunity week(long seed, int events) {
        return TimelineGenerator.generate(weekSpec(seed, events).build());
    }

    public static ScenarioSpec.Builder weekSpec(long seed, int events) {
        Checks.atLeast("events", events, 1_000);
        return calmWeekSpec(seed, events)
                .incident(new IncidentSpec.ActivityDrop(0, at(1, 19, 0), 4, 90))
                .incident(new IncidentSpec.JoinRaid(0, at(2, 13, 37), 60))
                .incident(new IncidentSpec.MassDeletion(0, at(3, 16, 12), 10, 40))
                .incident(new IncidentSpec.VoiceSurge(0, at(4, 21, 3), 25));
    }

    /** The guild of {@link #week} over the same 7 days, without incidents (for "no false alarm" tests). */
    public static SimulatedCommunity calmWeek(long seed, int events) {
        return TimelineGenerator.generate(calmWeekSpec(seed, events).build());
    }

    public static ScenarioSpec.Builder calmWeekSpec(long seed, int events) {
        return ScenarioSpec.builder(seed)
                .start(START)
                .duration(Duration.ofDays(7))
                .targetEvents(events)
                .guild(new CommunitySpec(null, 1_500, 12, 12, 8, 4, 10, 0, 1.0));
    }

    /**
     * {@code guilds} guilds (1..500) of different sizes (30 to 800 members) and time zones over 3
     * days, 1,500 events per guild on average (busier guilds get more), with one incident in every
     * guild at a seeded time, the type going round drop, raid, deletion, surge.
     */
    public static SimulatedCommunity multiGuild(long seed, int guilds) {
        return TimelineGenerator.generate(multiGuildSpec(seed, guilds).build());
    }

    public static ScenarioSpec.Builder multiGuildSpec(long seed, int guilds) {
        Checks.between("guilds", guilds, 1, 500);
        SplittableRandom random = new SplittableRandom(seed ^ 0x6D756C7469L);
        ScenarioSpec.Builder builder = ScenarioSpec.builder(seed)
                .start(START)
                .duration(Duration.ofDays(3))
                .targetEvents(1_500 * guilds);
        int[] offsets = {0, 1, -5, 9, -8, 2, 5, -3};
        for (int g = 0; g < guilds; g++) {
            int members = 30 + (int) Math.round(770 * Math.pow(random.nextDouble(), 2));
            int text = 3 + random.nextInt(6);
            builder.guild(new CommunitySpec(null, members, 1 + random.nextInt(3), text, 1 + random.nextInt(text),
                    1 + random.nextInt(3), random.nextInt(8), offsets[g % offsets.length], members));
            switch (g % 4) {
                case 0 -> builder.incident(IncidentSpec.activityDrop(g, 3, 90));
                case 1 -> builder.incident(IncidentSpec.joinRaid(g, 10 + members / 20));
                case 2 -> builder.incident(IncidentSpec.massDeletion(g, 3, 8));
                default -> builder.incident(IncidentSpec.voiceSurge(g, 5 + members / 60));
            }
        }
        return builder;
    }

    /** {@code day} days after the start, at {@code hour:minute} UTC. */
    private static Instant at(int day, int hour, int minute) {
        return START.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }
}
