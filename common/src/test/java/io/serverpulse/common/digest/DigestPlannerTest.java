package io.serverpulse.common.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestPlannerTest {

    private static final long BERLIN_GUILD = 1176201535215009852L;
    private static final long NEW_YORK_GUILD = 1176201535215009853L;

    private final InMemoryStore store = new InMemoryStore();
    private final DigestPlanner planner = new DigestPlanner(store);

    private static GuildSettings weeklyInBerlin() {
        return GuildSettings.defaults(BERLIN_GUILD).withDigest(DigestFrequency.WEEKLY, Instant.EPOCH)
                .withTimeZone("Europe/Berlin", Instant.EPOCH);
    }

    private static GuildSettings dailyInNewYork() {
        return GuildSettings.defaults(NEW_YORK_GUILD).withDigest(DigestFrequency.DAILY, Instant.EPOCH)
                .withTimeZone("America/New_York", Instant.EPOCH);
    }

    private List<String> due(GuildSettings settings, String now) {
        return planner.due(settings, Instant.parse(now)).stream().map(d -> d.period().key()).toList();
    }

    @Test
    void aWeekIsDueOnMondayAtItsTimeAndNoMoreOncePosted() {
        // GIVEN a weekly digest in Berlin (Mondays 03:10 local = 02:10 UTC in March)
        GuildSettings settings = weeklyInBerlin();

        // WHEN / THEN a minute before it nothing is due; at its time last week is
        assertThat(due(settings, "2026-03-09T02:09:00Z")).isEmpty();
        assertThat(due(settings, "2026-03-09T02:10:00Z")).containsExactly("weekly:2026-03-02");

        // AND a claim that was not posted (the attempt died) leaves it due; once posted it is not
        store.claimDigest(BERLIN_GUILD, "weekly:2026-03-02", "attempt-1", Instant.parse("2026-03-09T02:10:01Z"), Duration.ofMinutes(10));
        assertThat(due(settings, "2026-03-09T02:15:00Z")).containsExactly("weekly:2026-03-02");
        store.digestPosted(BERLIN_GUILD, "weekly:2026-03-02", "attempt-1", 11L, 22L, Instant.parse("2026-03-09T02:10:05Z"));
        assertThat(due(settings, "2026-03-09T02:15:00Z")).isEmpty();
    }

    @Test
    void aMissedPeriodIsCaughtUpIfStillRecentAndNeverDaysLate() {
        // GIVEN the weekly digest of Monday 9 March 02:10 UTC missed while nothing ran
        GuildSettings settings = weeklyInBerlin();

        // WHEN something runs again 30 hours later, and (another time) 37 hours later
        // THEN the first posts it, the second leaves it out
        assertThat(due(settings, "2026-03-10T08:10:00Z")).containsExactly("weekly:2026-03-02");
        assertThat(due(settings, "2026-03-10T15:10:00Z")).isEmpty();
    }

    @Test
    void twoMissedDaysWithinTheCatchUpComeOldestFirst() {
        // GIVEN a daily digest in New York (00:10 local = 05:10 UTC), nothing ran for a day and a half
        // WHEN it runs at 06:00 UTC on 5 March
        List<String> due = due(dailyInNewYork(), "2026-03-05T06:00:00Z");

        // THEN the 3rd (due 29 h ago) and the 4th (due just now) are posted, in order
        assertThat(due).containsExactly("daily:2026-03-03", "daily:2026-03-04");
    }

    @Test
    void guildsWithoutADigestAreNeverDue() {
        for (DigestFrequency frequency : List.of(DigestFrequency.NONE, DigestFrequency.HOURLY)) {
            assertThat(due(weeklyInBerlin().withDigest(frequency, Instant.EPOCH), "2026-03-09T12:00:00Z")).isEmpty();
        }
    }

    @Test
    void theNextWakeUpIsTheEarliestDigestOfAllGuilds() {
        // GIVEN a weekly guild in Berlin and a daily one in New York, on Sunday 8 March 2026 at noon UTC
        Instant now = Instant.parse("2026-03-08T12:00:00Z");

        // WHEN / THEN Berlin's weekly digest (Monday 03:10 local = 02:10 UTC) comes before New York's daily one
        // (Monday 00:10 local = 04:10 UTC, New York being on summer time since that Sunday)
        assertThat(DigestPlanner.nextDue(List.of(weeklyInBerlin(), dailyInNewYork()), now))
                .contains(Instant.parse("2026-03-09T02:10:00Z"));
        assertThat(DigestPlanner.nextDue(List.of(dailyInNewYork()), now)).contains(Instant.parse("2026-03-09T04:10:00Z"));
        assertThat(DigestPlanner.nextDue(List.of(GuildSettings.defaults(1L).withDigest(DigestFrequency.NONE, Instant.EPOCH)), now))
                .isEmpty();
    }
}
