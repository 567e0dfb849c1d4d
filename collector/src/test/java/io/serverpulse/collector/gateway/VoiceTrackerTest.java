package io.serverpulse.collector.gateway;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.ActivityEvent.VoiceJoined;
import io.serverpulse.common.metrics.ActivityEvent.VoiceTime;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceTrackerTest {

    private static final long GUILD = 100;
    private static final long ALICE = 7;
    private static final long LOUNGE = 30;
    private static final long GAMING = 31;
    private static final Instant T = Instant.parse("2026-03-02T10:50:00Z");

    private final VoiceTracker voice = new VoiceTracker();

    @Test
    void aJoinThenAMoveThenALeaveAreTwoJoinsAndTwoStretches() {
        // GIVEN / WHEN Alice joins the lounge, moves to gaming after 5 min, leaves 10 min later
        List<ActivityEvent> join = voice.update(GUILD, ALICE, LOUNGE, T);
        List<ActivityEvent> move = voice.update(GUILD, ALICE, GAMING, T.plusSeconds(300));
        List<ActivityEvent> same = voice.update(GUILD, ALICE, GAMING, T.plusSeconds(400));
        List<ActivityEvent> leave = voice.update(GUILD, ALICE, null, T.plusSeconds(900));

        // THEN each change is reported once, and an update to the same channel is nothing
        assertThat(join).containsExactly(new VoiceJoined(GUILD, LOUNGE, ALICE, T));
        assertThat(move).containsExactly(new VoiceTime(GUILD, LOUNGE, ALICE, T, T.plusSeconds(300)),
                new VoiceJoined(GUILD, GAMING, ALICE, T.plusSeconds(300)));
        assertThat(same).isEmpty();
        assertThat(leave).containsExactly(new VoiceTime(GUILD, GAMING, ALICE, T.plusSeconds(300), T.plusSeconds(900)));
        assertThat(voice.inVoice(GUILD)).isZero();
    }

    @Test
    void anOpenStretchIsCutAtTheHourSoLongSessionsAreCountedHourByHour() {
        // GIVEN Alice in the lounge since 10:50
        voice.update(GUILD, ALICE, LOUNGE, T);

        // WHEN it is 11:00:04 (the tick), and again at 11:30 (nothing to cut), then she leaves at 12:10
        List<ActivityEvent> cut = voice.cutAtHour(Instant.parse("2026-03-02T11:00:04Z"));
        List<ActivityEvent> none = voice.cutAtHour(Instant.parse("2026-03-02T11:30:00Z"));
        List<ActivityEvent> leave = voice.update(GUILD, ALICE, null, Instant.parse("2026-03-02T12:10:00Z"));

        // THEN 10:50-11:00 was counted at the cut, and 11:00-12:10 when she left
        assertThat(cut).containsExactly(new VoiceTime(GUILD, LOUNGE, ALICE, T, Instant.parse("2026-03-02T11:00:00Z")));
        assertThat(none).isEmpty();
        assertThat(leave).containsExactly(new VoiceTime(GUILD, LOUNGE, ALICE, Instant.parse("2026-03-02T11:00:00Z"),
                Instant.parse("2026-03-02T12:10:00Z")));
    }

    @Test
    void shutdownEndsEveryStretchAndSeededMembersAreTimedWithoutAJoin() {
        // GIVEN Alice found in voice when the guild became ready, and Bob who joined
        voice.seed(GUILD, ALICE, LOUNGE, T);
        voice.update(GUILD, 8, GAMING, T.plusSeconds(10));
        assertThat(voice.inVoice(GUILD)).isEqualTo(2);

        // WHEN the collector shuts down
        List<ActivityEvent> closed = voice.closeAll(T.plusSeconds(60));

        // THEN both stretches end then, and nobody is left
        assertThat(closed).containsExactlyInAnyOrder(new VoiceTime(GUILD, LOUNGE, ALICE, T, T.plusSeconds(60)),
                new VoiceTime(GUILD, GAMING, 8, T.plusSeconds(10), T.plusSeconds(60)));
        assertThat(voice.inVoice()).isZero();
    }

    /**
     * Cutting at hour boundaries never changes the seconds per hour: a stretch counted whole and the
     * same stretch cut at every tick give the same buckets (the aggregator truncates per hour).
     */
    @Test
    void cuttingAtTicksGivesTheSameSecondsAsOneStretch() {
        qt().withFixedSeed(20261128L).withExamples(300)
                .forAll(integers().between(0, 20_000_000), integers().between(1, 30_000_000),
                        lists().of(integers().between(0, 30_000_000)).ofSizeBetween(0, 12))
                .checkAssert(this::cutAndWholeAgree);
    }

    private void cutAndWholeAgree(int startMillis, int lengthMillis, List<Integer> ticks) {
        // GIVEN a stretch in voice, and the same stretch cut at every tick that falls inside it
        Instant from = T.plusMillis(startMillis);
        Instant to = from.plusMillis(lengthMillis);
        VoiceTracker cut = new VoiceTracker();
        List<ActivityEvent> events = new ArrayList<>(cut.update(GUILD, ALICE, LOUNGE, from));
        ticks.stream().sorted().map(from::plusMillis).filter(t -> t.isBefore(to)).forEach(t -> events.addAll(cut.cutAtHour(t)));
        events.addAll(cut.update(GUILD, ALICE, null, to));

        // WHEN the same stretch is counted whole
        VoiceTracker whole = new VoiceTracker();
        List<ActivityEvent> once = new ArrayList<>(whole.update(GUILD, ALICE, LOUNGE, from));
        once.addAll(whole.update(GUILD, ALICE, null, to));

        // THEN both give the same seconds in every hour
        assertThat(seconds(events)).isEqualTo(seconds(once));
    }

    private static List<Increment> seconds(List<ActivityEvent> events) {
        MetricAggregator aggregator = new MetricAggregator(() -> "b");
        events.forEach(aggregator::add);
        MetricBatch batch = aggregator.drain();
        return batch.increments().stream().filter(i -> i.deltas().containsKey(Counter.VOICE_SECONDS))
                .sorted(java.util.Comparator.comparing((Increment i) -> i.key().start())).toList();
    }
}
