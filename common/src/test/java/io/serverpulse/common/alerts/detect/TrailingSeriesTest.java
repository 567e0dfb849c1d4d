package io.serverpulse.common.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.serverpulse.common.testing.ShrinkingLists;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrailingSeriesTest {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    @Test
    void sumsSlotsAndForgetsWhatIsOlderThanTheRing() {
        // GIVEN a ring of 10 one-minute slots
        TrailingSeries series = new TrailingSeries(MINUTE, 10);
        series.add(0, 5);
        series.add(MINUTE * 3 + 10, 2);
        series.add(MINUTE * 3 + 20, 1);

        // WHEN time moves 11 minutes on
        long before = series.sum(0, 10);
        series.add(MINUTE * 11, 7);

        // THEN the sums saw 8 within the first 10 minutes, and the minute-0 slot is gone afterwards
        assertThat(before).isEqualTo(8);
        assertThat(series.sum(0, 12)).isEqualTo(3 + 7);
        assertThat(series.sum(3, 4)).isEqualTo(3);
    }

    @Test
    void anAddOlderThanTheRingIsIgnored() {
        // GIVEN a ring of 10 slots that reached minute 30
        TrailingSeries series = new TrailingSeries(MINUTE, 10);
        series.add(MINUTE * 30, 1);

        // WHEN something from minute 5 arrives late
        series.add(MINUTE * 5, 100);

        // THEN it does not pollute any slot
        assertThat(series.sum(0, 40)).isEqualTo(1);
    }

    @Test
    void theRingAgreesWithAPlainListOverItsSpan() {
        // 200 random gap lists (up to 200 gaps of 0..50 minutes) and ring spans of 1..30 slots
        qt().withFixedSeed(0x7A11_5E51L).withExamples(200).withShrinkCycles(5_000)
                .forAll(ShrinkingLists.of(integers().between(0, 50), 0, 200), integers().between(1, 30))
                .checkAssert(TrailingSeriesTest::ringAgreesWithAPlainList);
    }

    private static void ringAgreesWithAPlainList(List<Integer> minuteGaps, int span) {
        // GIVEN events one unit each at increasing minutes
        TrailingSeries series = new TrailingSeries(MINUTE, span);
        long[] minutes = new long[minuteGaps.size()];
        long m = 0;
        for (int i = 0; i < minutes.length; i++) {
            m += minuteGaps.get(i);
            minutes[i] = m;
            series.add(m * MINUTE + 1, 1);
        }

        // WHEN the last span's slots are summed
        long head = m;
        long fromSlot = head - span + 1;
        long expected = Arrays.stream(minutes).filter(x -> x >= fromSlot && x <= head).count();

        // THEN the ring holds exactly what a list of every event says
        assertThat(series.sum(fromSlot, head + 1)).isEqualTo(minutes.length == 0 ? 0 : expected);
    }
}
