package io.serverpulse.common.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The seasonal baseline on simulated weeks: a community with a strong day/night cycle, busier
 * weekends and ±20 % noise every hour never raises a drop, and a small one's Poisson chance rarely does; a 90 % drop for 3 hours is one in each
 * of those hours and in no other; without history or under the threshold nothing is.
 */
class ActivityDropCheckPropertyTest {

    private static final AlertRule DEFAULT = AlertRule.defaultFor(AlertType.ACTIVITY_DROP);
    private static final int DAYS = 15;
    private static final int WINDOW = 8 * 24;
    /** The emulator's standard day (discord-emulator DiurnalCycle.standard()): nights at 7-20 % of the evening. */
    private static final double[] DIURNAL = {
        0.55, 0.35, 0.20, 0.12, 0.08, 0.07, 0.09, 0.15, 0.25, 0.35, 0.45, 0.55,
        0.62, 0.65, 0.65, 0.68, 0.75, 0.85, 0.92, 1.00, 1.00, 1.00, 0.90, 0.75
    };
    private static final double WEEKEND = 1.25;
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    /**
     * Hourly messages of {@value #DAYS} days: {@code peak} messages in the busiest hour, the first
     * {@code uncollectedHours} hours not collected (zero), each hour's count off by up to ±20 %.
     */
    record Community(long seed, int peak, int firstWeekday, int uncollectedHours) {

        long[] hourly() {
            SplittableRandom random = new SplittableRandom(seed);
            long[] hourly = new long[DAYS * 24];
            for (int i = 0; i < hourly.length; i++) {
                int weekday = (firstWeekday + i / 24) % 7;
                double mean = peak * DIURNAL[i % 24] * (weekday >= 5 ? WEEKEND : 1.0);
                double noise = 0.8 + 0.4 * random.nextDouble();
                hourly[i] = i < uncollectedHours ? 0 : Math.round(mean * noise);
            }
            return hourly;
        }
    }

    static Gen<Community> communities(int minPeak, int maxUncollectedHours) {
        return longs().all().zip(integers().between(minPeak, 3_000), integers().between(0, 6),
                integers().between(0, maxUncollectedHours), Community::new);
    }

    /** The check whose observed window is the hour ending at index {@code end} (exclusive). */
    private static ActivityDropCheck.Result checkAt(AlertRule rule, long[] hourly, int end) {
        return ActivityDropCheck.check(rule, Arrays.copyOfRange(hourly, end - WINDOW, end), T0.plus(Duration.ofHours(end)));
    }

    @Test
    void aNoisyDiurnalWeekNeverRaisesADrop() {
        qt().withFixedSeed(0xD409_0001L).withExamples(200)
                .forAll(communities(1, 10 * 24))
                .checkAssert(community -> {
                    // GIVEN a community's usual days, whenever its collection began
                    long[] hourly = community.hourly();
                    // WHEN every hour from the 9th day on is checked with the default rule
                    for (int end = WINDOW; end <= hourly.length; end++) {
                        // THEN none is a drop
                        assertThat(checkAt(DEFAULT, hourly, end).dropped()).as("hour ending at index %d", end).isFalse();
                    }
                });
    }

    /** A Poisson count with the given mean (Knuth's method; means here stay under 200). */
    private static long poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        long count = 0;
        double product = random.nextDouble();
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    @Test
    void aSmallCommunitysChanceVariationRarelyRaisesADrop() {
        // GIVEN 300 small communities whose hourly messages are Poisson counts around their daily
        // cycle (peak 25 to 150 an hour, so many usual hours are just over the threshold of 20)
        SplittableRandom communities = new SplittableRandom(0xD409_0005L);
        long checked = 0;
        long drops = 0;
        for (int c = 0; c < 300; c++) {
            SplittableRandom random = communities.split();
            int peak = random.nextInt(25, 151);
            int firstWeekday = random.nextInt(7);
            long[] hourly = new long[DAYS * 24];
            for (int i = 0; i < hourly.length; i++) {
                int weekday = (firstWeekday + i / 24) % 7;
                hourly[i] = poisson(random, peak * DIURNAL[i % 24] * (weekday >= 5 ? WEEKEND : 1.0));
            }
            // WHEN every hour from the 9th day on is checked with the default rule
            for (int end = WINDOW; end <= hourly.length; end++) {
                ActivityDropCheck.Result result = checkAt(DEFAULT, hourly, end);
                if (result.usual() >= DEFAULT.threshold()) {
                    checked++;
                    drops += result.dropped() ? 1 : 0;
                }
            }
        }
        // THEN chance alone is a drop in fewer than 1 in 10,000 of the hours the rule applies to
        // (under half the usual alone is about 1 in 800 here; see ActivityDropCheck.NOISE_MARGIN)
        assertThat(checked).isGreaterThan(10_000);
        assertThat(drops).as("%d false drops in %d hours", drops, checked).isLessThan(checked / 10_000);
    }

    @Test
    void aNinetyPercentDropForThreeHoursIsADropInEachOfThoseHoursOnly() {
        qt().withFixedSeed(0xD409_0002L).withExamples(200)
                .forAll(communities(100, 7 * 24), integers().between(12, 20))
                .checkAssert((community, startHour) -> {
                    // GIVEN a community with at least one collected day before the last, whose messages
                    // fall by 90 % for 3 evening hours of the last day
                    long[] hourly = community.hourly();
                    int from = (DAYS - 1) * 24 + startHour;
                    for (int i = from; i < from + 3; i++) {
                        hourly[i] = Math.round(hourly[i] * 0.1);
                    }
                    // WHEN the hours of that day are checked
                    for (int end = (DAYS - 1) * 24 + 1; end <= hourly.length; end++) {
                        ActivityDropCheck.Result result = checkAt(DEFAULT, hourly, end);
                        // THEN exactly the 3 dropped hours are drops
                        boolean inDrop = end > from && end <= from + 3;
                        assertThat(result.dropped()).as("hour ending at index %d (drop %d..%d)", end, from, from + 3)
                                .isEqualTo(inDrop);
                    }
                });
    }

    @Test
    void withoutAPreviousDayNothingIsADrop() {
        qt().withFixedSeed(0xD409_0003L).withExamples(200)
                .forAll(communities(1, 0), integers().between(0, 23))
                .checkAssert((community, hoursCollected) -> {
                    // GIVEN only the last hours collected (less than a day), the last one silent
                    long[] hourly = community.hourly();
                    Arrays.fill(hourly, 0, hourly.length - 1 - hoursCollected, 0);
                    hourly[hourly.length - 1] = 0;
                    // WHEN the last hour is checked
                    ActivityDropCheck.Result result = checkAt(DEFAULT, hourly, hourly.length);
                    // THEN there is no usual level, and no drop
                    assertThat(result.days()).isZero();
                    assertThat(result.dropped()).isFalse();
                });
    }

    @Test
    void underTheThresholdNothingIsADrop() {
        qt().withFixedSeed(0xD409_0004L).withExamples(100)
                .forAll(communities(1, 7 * 24), integers().between(0, 23))
                .checkAssert((community, silentHour) -> {
                    // GIVEN a rule whose threshold is above any hour of the community, and a silent hour
                    long[] hourly = community.hourly();
                    hourly[hourly.length - 24 + silentHour] = 0;
                    int threshold = (int) Arrays.stream(hourly).max().orElseThrow() + 1;
                    AlertRule rule = new AlertRule(true, threshold, Duration.ofHours(1), 0.5);
                    // WHEN every hour of the last day is checked
                    for (int end = hourly.length - 23; end <= hourly.length; end++) {
                        // THEN none is a drop
                        assertThat(checkAt(rule, hourly, end).dropped()).isFalse();
                    }
                });
    }
}
