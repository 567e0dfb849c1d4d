package io.serverpulse.common.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A join raid's severity weighs the joins against the guild's size: 12 joins in a minute are a third of a 40-member guild. */
class RaidSeverityTest {

    private static final long GUILD = 4_100L;
    private static final Instant RAID = Instant.parse("2026-11-28T10:20:00Z");

    @ParameterizedTest(name = "{0} members: {1}")
    @CsvSource({
        "40,     CRITICAL",
        "300,    WARNING",
        "10000,  INFO",
        "0,      INFO",
    })
    void twelveJoinsInAMinuteAreAsSevereAsTheShareOfTheGuildTheyAre(int members, Severity expected) {
        // GIVEN the default raid rule (10 joins in 60 s) and a guild of this size (0: size unknown)
        List<AlertNotice> notices = new ArrayList<>();
        AlertDetector detector = new AlertDetector(GuildSettings::defaults, notices::add, DetectorOptions.defaults(),
                guildId -> guildId == GUILD ? members : 0);
        DetectorScript script = new DetectorScript(detector, GUILD, notices);

        // WHEN 12 members join within 12 s, then it is quiet
        script.joins(12, RAID, Duration.ofSeconds(12)).runUntil(RAID.plus(Duration.ofMinutes(10)));

        // THEN the raid opens and ends with that severity (10 joins reach the level: 1x the level is INFO by itself)
        assertThat(script.opened(AlertType.JOIN_RAID)).singleElement().satisfies(n -> assertThat(n.alert().severity()).isEqualTo(expected));
        assertThat(script.ended(AlertType.JOIN_RAID)).singleElement().satisfies(n -> assertThat(n.alert().severity()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0} of {2} members against level {1}: {3}")
    @CsvSource({
        "10, 10, 0,      INFO",
        "15, 10, 0,      WARNING",
        "30, 10, 0,      CRITICAL",
        "10, 10, 100,    CRITICAL",
        "10, 10, 99,     CRITICAL",
        "10, 10, 101,    WARNING",
        "10, 10, 333,    WARNING",
        "10, 10, 334,    INFO",
        "30, 10, 100000, CRITICAL",
    })
    void theShareOfTheGuildRaisesTheSeverityNeverLowersIt(double observed, double level, int members, Severity expected) {
        // GIVEN / WHEN / THEN at least 10 % of the members is CRITICAL, at least 3 % WARNING, else the ratio to the level decides
        assertThat(Severities.of(observed, level, members)).isEqualTo(expected);
    }
}
