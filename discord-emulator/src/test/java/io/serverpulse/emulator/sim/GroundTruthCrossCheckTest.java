package io.serverpulse.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The collector's path (timeline event → {@link ActivityMapper} → {@link MetricAggregator} →
 * batches) and the ground truth, counted directly from the events, agree on every bucket and every
 * counter: both sides define the same semantics.
 */
class GroundTruthCrossCheckTest {

    @ParameterizedTest(name = "countBots={0}")
    @ValueSource(booleans = {false, true})
    void a_week_of_a_hundred_thousand_events_folds_to_exactly_the_ground_truth(boolean countBots) {
        // GIVEN a generated week and its ground truth
        SimulatedCommunity week = Scenarios.week(99, 100_000);
        GroundTruth truth = week.groundTruth(countBots);

        // WHEN the same timeline goes through the mapper and the aggregator, drained every 1,000 events
        Map<BucketKey, Map<Counter, Long>> folded = fold(ActivityMapper.mapAll(week, countBots), 1_000);

        // THEN both have the same buckets with the same counts
        assertThat(folded).isEqualTo(truth.buckets());
        assertThat(truth.buckets()).hasSizeGreaterThan(10_000);
    }

    @Test
    void several_guilds_fold_to_exactly_the_ground_truth() {
        // GIVEN eight guilds over three days
        SimulatedCommunity multi = Scenarios.multiGuild(17, 8);

        // WHEN folded through the aggregator in one batch
        Map<BucketKey, Map<Counter, Long>> folded = fold(ActivityMapper.mapAll(multi, false), Integer.MAX_VALUE);

        // THEN it equals the truth
        assertThat(folded).isEqualTo(multi.groundTruth(false).buckets());
    }

    @Test
    void the_hand_written_fixture_with_an_open_voice_session_folds_to_exactly_the_ground_truth() throws IOException {
        // GIVEN the fixture, whose last voice session is still open at the end
        SimulatedCommunity fixture;
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/timelines/fixture-guild.jsonl")), StandardCharsets.UTF_8)) {
            fixture = TimelineJson.read(in);
        }

        // WHEN folded event by event (a drain after every event)
        Map<BucketKey, Map<Counter, Long>> folded = fold(ActivityMapper.mapAll(fixture, false), 1);

        // THEN it equals the truth, including the open session counted up to the end
        assertThat(folded).isEqualTo(fixture.groundTruth(false).buckets());
    }

    @Test
    void the_mapper_hands_on_no_message_text() {
        // GIVEN the small scenario mapped to activity events
        List<ActivityEvent> events = ActivityMapper.mapAll(Scenarios.small(2), true);

        // THEN no activity event's rendering carries a distinctive token of the corpus
        StringBuilder all = new StringBuilder();
        events.forEach(e -> all.append(e).append('\n'));
        assertThat(events).isNotEmpty();
        assertThat(MessageCorpus.standard().leakedTokens(all)).isEmpty();
    }

    /** Folds events through a real aggregator, draining every {@code drainEvery} events, and sums the batches. */
    static Map<BucketKey, Map<Counter, Long>> fold(List<ActivityEvent> events, int drainEvery) {
        AtomicLong ids = new AtomicLong();
        MetricAggregator aggregator = new MetricAggregator(() -> "batch-" + ids.incrementAndGet());
        Map<BucketKey, Map<Counter, Long>> sums = new HashMap<>();
        int sinceDrain = 0;
        for (ActivityEvent event : events) {
            aggregator.add(event);
            if (++sinceDrain >= drainEvery) {
                addUp(sums, aggregator.drain());
                sinceDrain = 0;
            }
        }
        addUp(sums, aggregator.drain());
        return sums;
    }

    private static void addUp(Map<BucketKey, Map<Counter, Long>> sums, MetricBatch batch) {
        for (Increment increment : batch.increments()) {
            Map<Counter, Long> counters = sums.computeIfAbsent(increment.key(), k -> new EnumMap<>(Counter.class));
            increment.deltas().forEach((counter, delta) -> counters.merge(counter, delta, Long::sum));
        }
    }
}
