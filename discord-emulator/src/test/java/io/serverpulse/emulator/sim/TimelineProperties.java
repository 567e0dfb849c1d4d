package io.serverpulse.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.enumValues;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of generated timelines and of their ground truth, over many seeds and shapes, checked
 * with QuickTheories inside ordinary JUnit tests. The seeds are fixed so that every run checks the
 * same cases (the tests must be deterministic); each property was also run with 150-1,500 random
 * tries while it was written. The ends of every range are mixed into the draws as edge cases.
 */
class TimelineProperties {

    /** Shrinking regenerates a whole timeline per step: a few dozen steps find a small example soon enough. */
    private static final int SHRINK_CYCLES = 40;

    record GuildShape(long seed, int members, int textChannels, int voiceChannels) {
    }

    record TimelineShape(int hours, int events, boolean incidents) {
    }

    record LeaderboardAsk(int hoursIntoTimeline, Period period, boolean wholeGuild, boolean countBots, boolean byReactions) {
    }

    @Test
    void generated_timelines_only_contain_what_could_happen() {
        Gen<GuildShape> guilds = anySeed().zip(between(5, 120), between(1, 6), between(0, 3), GuildShape::new);
        Gen<TimelineShape> timelines = between(2, 72).zip(between(50, 3_000), booleans().all(), TimelineShape::new);

        AtomicInteger tries = new AtomicInteger();
        qt().withFixedSeed(20260302L).withExamples(45).withShrinkCycles(SHRINK_CYCLES).forAll(guilds, timelines).checkAssert((g, t) -> {
            tries.incrementAndGet();
            // GIVEN a random shape of guild and timeline, with or without incidents
            ScenarioSpec.Builder spec = ScenarioSpec.builder(g.seed())
                    .duration(Duration.ofHours(t.hours()))
                    .targetEvents(t.events())
                    .guild(new CommunitySpec(null, g.members(), 1, g.textChannels(), 1 + (int) Math.floorMod(g.seed(), g.textChannels()),
                            g.voiceChannels(), 2, (int) Math.floorMod(g.seed(), 5), 1.0));
            if (t.incidents()) {
                spec.incident(IncidentSpec.joinRaid(0, 5)).incident(IncidentSpec.massDeletion(0, 2, 3))
                        .incident(IncidentSpec.activityDrop(0, 1, 80));
                if (g.voiceChannels() > 0) {
                    spec.incident(IncidentSpec.voiceSurge(0, 3));
                }
            }

            // WHEN generated
            SimulatedCommunity sim = TimelineGenerator.generate(spec.build());

            // THEN events are strictly time-ordered inside the timeline, deletes and reactions hit existing
            // messages of their channel, members and voice states are consistent, and the count is exact
            assertThat(TimelineInvariants.violations(sim)).isEmpty();
            assertThat(sim.events()).hasSize(t.events());
        });
        // QuickTheories skips a draw it has already tried (so it asks for a few more): at least as many cases as before
        assertThat(tries.get()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void the_leaderboard_equals_a_brute_force_recount_of_the_events() {
        Gen<LeaderboardAsk> asks = between(0, 60).zip(enumValues(Period.class), booleans().all(), booleans().all(), booleans().all(),
                LeaderboardAsk::new);

        AtomicInteger tries = new AtomicInteger();
        qt().withFixedSeed(20260303L).withExamples(65).withShrinkCycles(SHRINK_CYCLES)
                .forAll(longBetween(0, 1_000), asks, between(1, 100)).checkAssert((seed, ask, limit) -> {
                    tries.incrementAndGet();
                    // GIVEN a small simulation, an instant, a period, a channel or the whole guild
                    SimulatedCommunity sim = Scenarios.small(seed);
                    long guild = sim.community().guildId();
                    long channel = ask.wholeGuild() ? BucketKey.ALL_CHANNELS : sim.collectedChannelIds().iterator().next();
                    Instant now = sim.start().plus(Duration.ofHours(ask.hoursIntoTimeline())).plusSeconds(1_234);
                    Counter counter = ask.byReactions() ? Counter.REACTIONS : Counter.MESSAGES;

                    // WHEN the ground truth ranks members
                    List<MemberCount> ranked = sim.groundTruth(ask.countBots())
                            .topMembers(new io.serverpulse.common.metrics.LeaderboardQuery(guild, channel, counter, ask.period(), now, limit));

                    // THEN it is exactly the recount of the raw events in the period's window, ranked count desc then id asc
                    assertThat(ranked).isEqualTo(bruteForce(sim, channel, counter, ask.period().window(now), ask.countBots(), limit));
                });
        // QuickTheories skips a draw it has already tried (so it asks for a few more): at least as many cases as before
        assertThat(tries.get()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void voice_seconds_are_the_session_lengths_less_at_most_a_second_per_hour_piece() {
        AtomicInteger tries = new AtomicInteger();
        qt().withFixedSeed(20260304L).withExamples(45).withShrinkCycles(SHRINK_CYCLES).forAll(longBetween(0, 1_000)).checkAssert(seed -> {
            tries.incrementAndGet();
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
        });
        // QuickTheories skips a draw it has already tried (so it asks for a few more): at least as many cases as before
        assertThat(tries.get()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void any_generated_timeline_survives_json_lines_unchanged() {
        AtomicInteger tries = new AtomicInteger();
        qt().withFixedSeed(20260305L).withExamples(30).withShrinkCycles(SHRINK_CYCLES)
                .forAll(longBetween(0, 100_000), between(1, 4)).checkAssert((seed, guilds) -> {
                    tries.incrementAndGet();
                    // GIVEN a multi-guild simulation
                    SimulatedCommunity sim = TimelineGenerator.generate(Scenarios.multiGuildSpec(seed, guilds).targetEvents(400 * guilds).build());

                    // WHEN written and read back
                    SimulatedCommunity read = TimelineJson.parse(TimelineJson.toJsonLines(sim));

                    // THEN nothing changed
                    assertThat(read).isEqualTo(sim);
                });
        // QuickTheories skips a draw it has already tried (so it asks for a few more): at least as many cases as before
        assertThat(tries.get()).isGreaterThanOrEqualTo(25);
    }

    /** Any long, with 0, ±1 and the extremes mixed in. */
    private static Gen<Long> anySeed() {
        return longs().all().mix(pick(List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)), 15);
    }

    /** {@code [min, max]}, with both ends mixed in. */
    private static Gen<Integer> between(int min, int max) {
        return integers().between(min, max).mix(pick(List.of(min, max)), 15);
    }

    private static Gen<Long> longBetween(long min, long max) {
        return longs().between(min, max).mix(pick(List.of(min, max)), 15);
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
