package io.serverpulse.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageCreate;
import io.serverpulse.emulator.timeline.TimelineEvent.ReactionAdd;
import io.serverpulse.emulator.timeline.TimelineEvent.VoiceStateUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of generated timelines and of their ground truth, over many seeds and shapes. The
 * jqwik seeds are fixed so that every run checks the same cases (the tests must be deterministic);
 * each property was also run with 150-1,500 random tries while it was written.
 */
class TimelineProperties {

    @Property(tries = 40, seed = "20260302")
    void generated_timelines_only_contain_what_could_happen(
            @ForAll long seed,
            @ForAll @IntRange(min = 5, max = 120) int members,
            @ForAll @IntRange(min = 1, max = 6) int textChannels,
            @ForAll @IntRange(min = 0, max = 3) int voiceChannels,
            @ForAll @IntRange(min = 2, max = 72) int hours,
            @ForAll @IntRange(min = 50, max = 3_000) int events,
            @ForAll boolean incidents) {
        // GIVEN a random shape of guild and timeline, with or without incidents
        ScenarioSpec.Builder spec = ScenarioSpec.builder(seed)
                .duration(Duration.ofHours(hours))
                .targetEvents(events)
                .guild(new CommunitySpec(null, members, 1, textChannels, 1 + (int) Math.floorMod(seed, textChannels),
                        voiceChannels, 2, (int) Math.floorMod(seed, 5), 1.0));
        if (incidents) {
            spec.incident(IncidentSpec.joinRaid(0, 5)).incident(IncidentSpec.massDeletion(0, 2, 3))
                    .incident(IncidentSpec.activityDrop(0, 1, 80));
            if (voiceChannels > 0) {
                spec.incident(IncidentSpec.voiceSurge(0, 3));
            }
        }

        // WHEN generated
        SimulatedCommunity sim = TimelineGenerator.generate(spec.build());

        // THEN events are strictly time-ordered inside the timeline, deletes and reactions hit existing
        // messages of their channel, members and voice states are consistent, and the count is exact
        assertThat(TimelineInvariants.violations(sim)).isEmpty();
        assertThat(sim.events()).hasSize(events);
    }

    @Property(tries = 60, seed = "20260303")
    void the_leaderboard_equals_a_brute_force_recount_of_the_events(
            @ForAll @LongRange(min = 0, max = 1_000) long seed,
            @ForAll @IntRange(min = 0, max = 60) int hoursIntoTimeline,
            @ForAll Period period,
            @ForAll boolean wholeGuild,
            @ForAll boolean countBots,
            @ForAll boolean byReactions,
            @ForAll @IntRange(min = 1, max = 100) int limit) {
        // GIVEN a small simulation, an instant, a period, a channel or the whole guild
        SimulatedCommunity sim = Scenarios.small(seed);
        long guild = sim.community().guildId();
        long channel = wholeGuild ? BucketKey.ALL_CHANNELS : sim.collectedChannelIds().iterator().next();
        Instant now = sim.start().plus(Duration.ofHours(hoursIntoTimeline)).plusSeconds(1_234);
        Counter counter = byReactions ? Counter.REACTIONS : Counter.MESSAGES;

        // WHEN the ground truth ranks members
        List<MemberCount> ranked = sim.groundTruth(countBots)
                .topMembers(new io.serverpulse.common.metrics.LeaderboardQuery(guild, channel, counter, period, now, limit));

        // THEN it is exactly the recount of the raw events in the period's window, ranked count desc then id asc
        assertThat(ranked).isEqualTo(bruteForce(sim, channel, counter, period.window(now), countBots, limit));
    }

    @Property(tries = 40, seed = "20260304")
    void voice_seconds_are_the_session_lengths_less_at_most_a_second_per_hour_piece(
            @ForAll @LongRange(min = 0, max = 1_000) long seed) {
        // GIVEN a small simulation
        SimulatedCommunity sim = Scenarios.small(seed);
        long guild = sim.community().guildId();

        // WHEN summing every voice stretch's exact length, and counting the hour pieces they fall into
        Map<Long, VoiceStateUpdate> open = new HashMap<>();
        long exactMillis = 0;
        long pieces = 0;
        for (TimelineEvent e : sim.events()) {
            if (e instanceof VoiceStateUpdate v) {
                VoiceStateUpdate from = open.remove(v.userId());
                if (from != null) {
                    exactMillis += Duration.between(from.at(), v.at()).toMillis();
                    pieces += Duration.between(from.at().truncatedTo(java.time.temporal.ChronoUnit.HOURS), v.at()).toHours() + 1;
                }
                if (v.channelId() != null) {
                    open.put(v.userId(), v);
                }
            }
        }

        // THEN the truth's voice seconds lie between the exact total less one second per piece and the exact total
        long seconds = sim.groundTruth().total(guild, Counter.VOICE_SECONDS);
        assertThat(seconds).isLessThanOrEqualTo(exactMillis / 1_000).isGreaterThanOrEqualTo(exactMillis / 1_000 - pieces);
        assertThat(seconds).isPositive();
    }

    @Property(tries = 25, seed = "20260305")
    void any_generated_timeline_survives_json_lines_unchanged(@ForAll @LongRange(min = 0, max = 100_000) long seed,
                                                              @ForAll @IntRange(min = 1, max = 4) int guilds) {
        // GIVEN a multi-guild simulation
        SimulatedCommunity sim = TimelineGenerator.generate(Scenarios.multiGuildSpec(seed, guilds).targetEvents(400 * guilds).build());

        // WHEN written and read back
        SimulatedCommunity read = TimelineJson.parse(TimelineJson.toJsonLines(sim));

        // THEN nothing changed
        assertThat(read).isEqualTo(sim);
    }

    private static List<MemberCount> bruteForce(SimulatedCommunity sim, long channel, Counter counter, TimeWindow window,
                                                boolean countBots, int limit) {
        Set<Long> bots = Bots.ids(sim.communities(), sim.events());
        Map<Long, Long> counts = new HashMap<>();
        for (TimelineEvent e : sim.events()) {
            if (!window.contains(e.at())) {
                continue;
            }
            if (counter == Counter.MESSAGES && e instanceof MessageCreate m && sim.collectedChannelIds().contains(m.channelId())
                    && (channel == BucketKey.ALL_CHANNELS || channel == m.channelId()) && (countBots || !m.bot())) {
                counts.merge(m.authorId(), 1L, Long::sum);
            }
            if (counter == Counter.REACTIONS && e instanceof ReactionAdd r && sim.collectedChannelIds().contains(r.channelId())
                    && (channel == BucketKey.ALL_CHANNELS || channel == r.channelId()) && (countBots || !bots.contains(r.userId()))) {
                counts.merge(r.userId(), 1L, Long::sum);
            }
        }
        List<MemberCount> all = new ArrayList<>();
        counts.forEach((member, count) -> all.add(new MemberCount(member, count)));
        all.sort(Comparator.comparingLong(MemberCount::count).reversed().thenComparingLong(MemberCount::memberId));
        return all.subList(0, Math.min(limit, all.size()));
    }
}
