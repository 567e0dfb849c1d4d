package io.serverpulse.common.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.testing.ShrinkingLists;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The raid detector against a brute-force reference on random join streams. */
class AlertDetectorPropertyTest {

    private static final long GUILD = 9_000L;
    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");

    /** Mostly bursts (gaps up to 8 s), sometimes a pause of up to 10 minutes; up to 120 joins. */
    static Gen<List<Long>> joinGaps() {
        Gen<Long> gap = Generate.frequency(
                Pair.of(5, longs().between(0, 8_000)),
                Pair.of(1, longs().between(8_000, 600_000)));
        return ShrinkingLists.of(gap, 0, 120);
    }

    /** An absolute raid rule, quiet period, cooldown and tick interval. */
    record Setup(int threshold, int windowSeconds, int quietSeconds, int cooldownSeconds, int tickSeconds) {
    }

    static Gen<Setup> setups() {
        return integers().between(2, 10).zip(integers().between(5, 90), integers().between(0, 300),
                integers().between(0, 600), integers().between(1, 60), Setup::new);
    }

    @Test
    void openedNoticesMatchTheMaximalIncidentIntervalsOfABruteForceReference() {
        qt().withFixedSeed(0xA1E7_0001L).withExamples(400).withShrinkCycles(10_000)
                .forAll(joinGaps(), setups())
                .checkAssert(AlertDetectorPropertyTest::noticesMatchTheReference);
    }

    private static void noticesMatchTheReference(List<Long> gaps, Setup setup) {
        // GIVEN a random join stream and a random absolute raid rule, quiet period and cooldown
        long[] times = new long[gaps.size()];
        long t = 0;
        for (int i = 0; i < times.length; i++) {
            t += gaps.get(i);
            times[i] = t;
        }
        AlertRule rule = new AlertRule(true, setup.threshold(), Duration.ofSeconds(setup.windowSeconds()), 0);
        DetectorOptions options = DetectorOptions.defaults()
                .withQuietPeriod(Duration.ofSeconds(setup.quietSeconds())).withCooldown(Duration.ofSeconds(setup.cooldownSeconds()));

        // WHEN it is played without ticks, and again with a tick every few seconds, then ends
        List<AlertNotice> plain = play(times, rule, options, 0);
        List<AlertNotice> ticked = play(times, rule, options, setup.tickSeconds() * 1000L);

        // THEN the OPENED notices are exactly the reference's incidents, each ended once,
        // and ticking changes nothing but when an ENDED is sent
        int expected = referenceIncidents(times, setup.threshold(), setup.windowSeconds() * 1000L, setup.quietSeconds() * 1000L,
                setup.cooldownSeconds() * 1000L);
        List<AlertRecord> opened = plain.stream().filter(n -> n.kind() == AlertNotice.Kind.OPENED)
                .map(AlertNotice::alert).toList();
        List<AlertRecord> ended = plain.stream().filter(n -> n.kind() == AlertNotice.Kind.ENDED)
                .map(AlertNotice::alert).toList();
        assertThat(opened).hasSize(expected);
        assertThat(ended).extracting(AlertRecord::id).containsExactlyElementsOf(opened.stream().map(AlertRecord::id).toList());
        assertThat(ended).allSatisfy(e -> assertThat(e.endedAt()).isAfterOrEqualTo(e.startedAt()));
        assertThat(ticked).isEqualTo(plain);
    }

    private static List<AlertNotice> play(long[] times, AlertRule rule, DetectorOptions options, long tickMillis) {
        List<AlertNotice> notices = new ArrayList<>();
        GuildSettings settings = GuildSettings.defaults(GUILD).withAlert(AlertType.JOIN_RAID, rule, T0);
        AlertDetector detector = new AlertDetector(id -> settings, notices::add, options);
        long nextTick = tickMillis;
        for (int i = 0; i < times.length; i++) {
            while (tickMillis > 0 && nextTick < times[i]) {
                detector.tick(T0.plusMillis(nextTick));
                nextTick += tickMillis;
            }
            detector.accept(new MemberJoined(GUILD, i + 1, T0.plusMillis(times[i])));
        }
        long last = times.length == 0 ? 0 : times[times.length - 1];
        detector.tick(T0.plusMillis(last).plus(Duration.ofDays(1)));
        return notices;
    }

    /**
     * The reference, by intervals: the raid condition holds on [t_i, t_(i-T+1) + W) after each join i
     * whose window (brute-force count) reaches T. Those intervals are merged when the gap between
     * them is shorter than the quiet period: each merged interval is one maximal incident. An
     * incident opens unless all of its qualifying joins fall in the cooldown after the previous one.
     */
    static int referenceIncidents(long[] t, int threshold, long window, long quiet, long cooldown) {
        List<long[]> intervals = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            int count = 0;
            for (int j = 0; j <= i; j++) {
                if (t[j] > t[i] - window) {
                    count++;
                }
            }
            if (count >= threshold) {
                intervals.add(new long[] {t[i], t[i - threshold + 1] + window});
            }
        }
        List<List<long[]>> incidents = new ArrayList<>();
        long end = Long.MIN_VALUE;
        for (long[] interval : intervals) {
            if (incidents.isEmpty() || interval[0] >= end + quiet) {
                incidents.add(new ArrayList<>());
                end = interval[1];
            } else {
                end = Math.max(end, interval[1]);
            }
            incidents.get(incidents.size() - 1).add(interval);
        }
        int opened = 0;
        long cooldownUntil = Long.MIN_VALUE;
        for (List<long[]> incident : incidents) {
            long incidentEnd = incident.stream().mapToLong(i -> i[1]).max().orElseThrow();
            long until = cooldownUntil;
            if (incident.stream().anyMatch(i -> i[0] >= until)) {
                opened++;
                cooldownUntil = incidentEnd + quiet + cooldown;
            }
        }
        return opened;
    }
}
