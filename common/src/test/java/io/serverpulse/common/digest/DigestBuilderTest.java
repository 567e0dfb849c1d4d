package io.serverpulse.common.digest;

import static io.serverpulse.common.digest.BerlinWeek.ANN;
import static io.serverpulse.common.digest.BerlinWeek.BEA;
import static io.serverpulse.common.digest.BerlinWeek.EVE;
import static io.serverpulse.common.digest.BerlinWeek.FAY;
import static io.serverpulse.common.digest.BerlinWeek.GENERAL;
import static io.serverpulse.common.digest.BerlinWeek.GIL;
import static io.serverpulse.common.digest.BerlinWeek.GUILD;
import static io.serverpulse.common.digest.BerlinWeek.MEMES;
import static io.serverpulse.common.digest.BerlinWeek.RAID;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.digest.DigestReport.ChannelCount;
import io.serverpulse.common.digest.DigestReport.NewMembers;
import io.serverpulse.common.digest.DigestReport.Peak;
import io.serverpulse.common.digest.DigestReport.Sentiment;
import io.serverpulse.common.digest.DigestReport.Totals;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number of a weekly digest of {@link BerlinWeek}, worked out by hand. */
class DigestBuilderTest {

    private final InMemoryStore store = BerlinWeek.store();
    private final DigestBuilder builder = new DigestBuilder(store, store, store, store);

    @Test
    void aWeekInBerlinHasTheNumbersWorkedOutByHand() {
        // GIVEN the fortnight of BerlinWeek
        // WHEN the weekly digest of 2-8 March (Berlin) is built
        DigestReport report = builder.build(BerlinWeek.settings(), BerlinWeek.week());

        // THEN the hour figures count Berlin's week: ANN's message at Monday 00:30 is in it (1 + 3 + 2 + 5 = 11)
        assertThat(report.current()).isEqualTo(new Totals(11, 4, 6, 2_400, 1, 1));
        assertThat(report.previous()).isEqualTo(new Totals(5, 0, 3, 0, 2, 0));
        // AND the member figures count the UTC days 2-8 March: ANN's Monday message is on 1 March UTC, so ANN has 5
        // (active: ANN, BEA, DEE, EVE, FAY, GIL; before: ANN, BEA, CAL)
        assertThat(report.topMembers()).containsExactly(new MemberCount(ANN, 5), new MemberCount(GIL, 3), new MemberCount(BEA, 2));
        assertThat(report.topVoice()).containsExactly(new MemberCount(EVE, 1_800), new MemberCount(FAY, 600));
        assertThat(report.topEmoji()).containsExactly(new KeyCount("🎉", 3), new KeyCount("blob:123456789012345678", 1));
        assertThat(report.channels()).containsExactly(new ChannelCount(GENERAL, 6, 4), new ChannelCount(MEMES, 5, 1));
        // AND the busiest hour is Friday 20:00-21:00 in Berlin (19:30 UTC)
        assertThat(report.peak()).contains(new Peak(DayOfWeek.FRIDAY, LocalTime.of(20, 0), 5));
        assertThat(report.heatmap().get(DayOfWeek.MONDAY, 0)).isEqualTo(1);
        assertThat(report.heatmap().get(DayOfWeek.MONDAY, 11)).isEqualTo(3);
        assertThat(report.heatmap().cells().stream().mapToLong(Long::longValue).sum()).isEqualTo(11);
        // AND messages per Berlin day, this week and the one before
        assertThat(report.activity()).containsExactly(4L, 2L, 0L, 0L, 5L, 0L, 0L);
        assertThat(report.previousActivity()).containsExactly(0L, 0L, 4L, 1L, 0L, 0L, 0L);
        // AND of GIL and HAL, who joined last week, GIL took part
        assertThat(report.newMembers()).isEqualTo(new NewMembers(2, 1));
        // AND the raid of this week is listed, not last week's or another guild's
        assertThat(report.alerts()).extracting(AlertRecord::startedAt).containsExactly(RAID);
        assertThat(report.sentiment()).contains(new Sentiment(3, 2, 1));
    }

    @Test
    void theSameWeekInUtcIsCountedByUtcHours() {
        // GIVEN the same store, for a guild in UTC
        GuildSettings utc = BerlinWeek.settings().withTimeZone("UTC", Instant.EPOCH);

        // WHEN its weekly digest is built
        DigestReport report = builder.build(utc, DigestPeriod.weekly(BerlinWeek.MONDAY, ZoneOffset.UTC));

        // THEN ANN's message at 23:30 UTC on Sunday 1 March belongs to last week, and the peak is at 19:00 UTC
        assertThat(report.current().messages()).isEqualTo(10);
        assertThat(report.previous().messages()).isEqualTo(6);
        assertThat(report.peak()).contains(new Peak(DayOfWeek.FRIDAY, LocalTime.of(19, 0), 5));
    }

    @Test
    void sentimentIsShownOnlyToGuildsThatOptedIn() {
        // GIVEN the guild without its opt-in
        GuildSettings notOptedIn = BerlinWeek.settings().withSentiment(false, Instant.EPOCH);

        // WHEN / THEN its digest has no sentiment part
        assertThat(builder.build(notOptedIn, BerlinWeek.week()).sentiment()).isEmpty();
    }

    @Test
    void aGuildWithNothingStoredGetsAQuietReport() {
        // GIVEN a guild with no rows at all
        GuildSettings empty = GuildSettings.defaults(4242L);

        // WHEN its digest is built
        DigestReport report = builder.build(empty, BerlinWeek.week());

        // THEN every figure is zero or empty
        assertThat(report.quiet()).isTrue();
        assertThat(report.previous()).isEqualTo(Totals.NONE);
        assertThat(report.topMembers()).isEmpty();
        assertThat(report.channels()).isEmpty();
        assertThat(report.peak()).isEmpty();
        assertThat(report.alerts()).isEmpty();
        assertThat(report.newMembers()).isEqualTo(NewMembers.NONE);
        assertThat(report.activity()).containsOnly(0L).hasSize(7);
    }

    @Test
    void aDayOfTheSpringTimeChangeHas23HourSteps() {
        // GIVEN Sunday 29 March 2026, when Berlin skips 02:00-03:00
        DigestPeriod day = DigestPeriod.daily(java.time.LocalDate.parse("2026-03-29"), BerlinWeek.BERLIN);

        // WHEN its digest is built
        DigestReport report = builder.build(BerlinWeek.settings(), day);

        // THEN its activity has 23 hourly steps, the day before 24
        assertThat(report.activity()).hasSize(23);
        assertThat(report.previousActivity()).hasSize(24);
    }

    @Test
    void listsAreCappedAtTheTopFive() {
        // GIVEN nine members and nine channels with different counts
        InMemoryStore busy = new InMemoryStore();
        io.serverpulse.common.metrics.MetricAggregator aggregator = new io.serverpulse.common.metrics.MetricAggregator();
        for (int i = 1; i <= 9; i++) {
            for (int n = 0; n < i; n++) {
                aggregator.add(new io.serverpulse.common.metrics.ActivityEvent.MessagePosted(GUILD, 1000 + i, 2000 + i,
                        Instant.parse("2026-03-04T12:00:00Z")));
            }
        }
        busy.apply(aggregator.drain());

        // WHEN the digest is built
        DigestReport report = new DigestBuilder(busy, busy, busy, busy).build(BerlinWeek.settings(), BerlinWeek.week());

        // THEN the top five are listed, most first; every channel is kept for the comparison
        assertThat(report.topMembers()).extracting(MemberCount::memberId).containsExactly(2009L, 2008L, 2007L, 2006L, 2005L);
        assertThat(report.topChannels()).extracting(ChannelCount::channelId).containsExactly(1009L, 1008L, 1007L, 1006L, 1005L);
        assertThat(report.channels()).hasSize(9);
        assertThat(report.current().activeMembers()).isEqualTo(9);
        assertThat(List.copyOf(report.topChannels())).hasSize(DigestBuilder.TOP);
    }
}
