package io.serverpulse.common.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertDetectorTest {

    private static final long GUILD = 4_000L;
    private static final long CHANNEL = 777L;
    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    private final List<AlertNotice> notices = new ArrayList<>();
    private final Map<Long, GuildSettings> settings = new HashMap<>();
    private final AlertDetector detector = new AlertDetector(
            id -> settings.getOrDefault(id, GuildSettings.defaults(id)), notices::add);
    private final DetectorScript script = new DetectorScript(detector, GUILD, notices);

    private void rule(AlertType type, AlertRule rule) {
        GuildSettings current = settings.getOrDefault(GUILD, GuildSettings.defaults(GUILD));
        settings.put(GUILD, current.withAlert(type, rule, T0));
    }

    private static Instant at(Duration offset) {
        return T0.plus(offset);
    }

    @Test
    void fourteenJoinsInFortySecondsGiveOneAlertThenOneEndedWithTheDuration() {
        // GIVEN a guild that usually gets 2 joins a minute (two hours of history), default raid rule (10 in 60 s)
        Instant raid = at(Duration.ofHours(2).plusMinutes(5));
        script.joinsEvery(Duration.ofSeconds(30), T0, at(Duration.ofHours(2)));

        // WHEN 14 members join within 40 s, and the next 10 minutes are quiet
        script.joins(14, raid, Duration.ofSeconds(40)).runUntil(raid.plus(Duration.ofMinutes(10)));

        // THEN exactly one raid alert opened, when the 10th join arrived, with the usual rate
        assertThat(script.opened(AlertType.JOIN_RAID)).hasSize(1);
        AlertRecord opened = script.opened(AlertType.JOIN_RAID).get(0).alert();
        assertThat(opened.context()).isEqualTo("usually 2 joins/min, now 10 in 60 s");
        assertThat(opened.startedAt()).isEqualTo(raid);
        assertThat(opened.id()).isEqualTo(AlertRecord.idFor(GUILD, AlertType.JOIN_RAID, raid));
        assertThat(opened.observed()).isEqualTo(10);
        assertThat(opened.baseline()).isEqualTo(2.0);
        assertThat(opened.severity()).isEqualTo(Severity.INFO);
        assertThat(opened.ongoing()).isTrue();

        // AND exactly one ENDED update for the same incident: 14 joins, 40 s long
        assertThat(script.ended(AlertType.JOIN_RAID)).hasSize(1);
        AlertNotice ended = script.ended(AlertType.JOIN_RAID).get(0);
        assertThat(ended.alert().id()).isEqualTo(opened.id());
        assertThat(ended.alert().context()).isEqualTo("usually 2 joins/min, peak 14 in 60 s, 14 joins in all");
        assertThat(ended.alert().observed()).isEqualTo(14);
        assertThat(ended.alert().endedAt()).isEqualTo(raid.plusSeconds(40));
        assertThat(ended.duration()).contains(Duration.ofSeconds(40));
        assertThat(notices).hasSize(2);
    }

    @Test
    void aGermanGuildsAlertsSpeakGerman() {
        // GIVEN a German guild that usually gets 2 joins a minute, and 0.5 members in voice on average
        settings.put(GUILD, GuildSettings.defaults(GUILD).withLocale("de", T0));
        Instant raid = at(Duration.ofHours(2).plusMinutes(5));
        script.joinsEvery(Duration.ofSeconds(30), T0, at(Duration.ofHours(2)));

        // WHEN 14 members join within 40 s
        script.joins(14, raid, Duration.ofSeconds(40)).runUntil(raid.plus(Duration.ofMinutes(10)));

        // THEN the raid's sentences are German, numbers and all
        assertThat(script.opened(AlertType.JOIN_RAID).get(0).alert().context())
                .isEqualTo("üblich 2 Beitritte/Min., jetzt 10 in 60 s");
        assertThat(script.ended(AlertType.JOIN_RAID).get(0).alert().context())
                .isEqualTo("üblich 2 Beitritte/Min., Spitze 14 in 60 s, insgesamt 14 Beitritte");
    }

    @Test
    void aFrenchGuildsVoiceSurgeUsesTheFrenchDecimalComma() {
        // GIVEN a French guild with 1.5 members in voice on average over two hours (1 then 2)
        settings.put(GUILD, GuildSettings.defaults(GUILD).withLocale("fr", T0));
        script.voice(T0, 1).voice(at(Duration.ofHours(1)), 2);

        // WHEN 6 members are in voice, then the surge is over
        Instant surge = at(Duration.ofHours(2).plusMinutes(5));
        script.voice(surge, 6).voice(surge.plusSeconds(600), 1).runUntil(surge.plus(Duration.ofMinutes(30)));

        // THEN the usual level reads 1,5 and the sentence is French
        assertThat(script.opened(AlertType.VOICE_SURGE).get(0).alert().context())
                .isEqualTo("d’habitude 1,5 membre en vocal, maintenant 6");
        assertThat(script.ended(AlertType.VOICE_SURGE).get(0).alert().context())
                .isEqualTo("d’habitude 1,5 membre en vocal, pic de 6");
    }

    @Test
    void aShutdownEndsTheOpenIncidentsDatedByTheirLastCrossing() {
        // GIVEN a raid in progress (14 joins within 40 s) when ServerPulse shuts down 20 s after the last join
        Instant raid = at(Duration.ofHours(2).plusMinutes(5));
        script.joinsEvery(Duration.ofSeconds(30), T0, at(Duration.ofHours(2)));
        script.joins(14, raid, Duration.ofSeconds(40)).runUntil(raid.plusSeconds(60));
        assertThat(script.ended(AlertType.JOIN_RAID)).isEmpty();

        // WHEN the detector is told to end everything
        detector.endAll(raid.plusSeconds(60));

        // THEN the raid gets its one ENDED notice, at its last join, and nothing is open any more
        assertThat(script.ended(AlertType.JOIN_RAID)).singleElement()
                .satisfies(n -> assertThat(n.alert().endedAt()).isEqualTo(raid.plusSeconds(40)));
        assertThat(detector.openIncidents(GUILD)).isEmpty();
        detector.endAll(raid.plusSeconds(61));
        assertThat(script.ended(AlertType.JOIN_RAID)).hasSize(1);
    }

    @Test
    void theEndedUpdateWaitsForTheQuietPeriod() {
        // GIVEN 14 joins in 40 s, with the raid condition holding until the 5th join leaves the 60 s window
        Instant raid = T0;
        Instant conditionEnds = raid.plusMillis(40_000L * 4 / 13).plusSeconds(60);
        script.joins(14, raid, Duration.ofSeconds(40));

        // WHEN time runs to just before, then just after, the 5-minute quiet period
        script.runUntil(conditionEnds.plus(Duration.ofMinutes(5)).minusSeconds(5));
        int endedBefore = script.ended(AlertType.JOIN_RAID).size();
        script.runUntil(conditionEnds.plus(Duration.ofMinutes(5)).plusSeconds(5));

        // THEN the ENDED notice comes only after the quiet period (and says no baseline yet)
        assertThat(endedBefore).isZero();
        assertThat(script.ended(AlertType.JOIN_RAID)).hasSize(1);
        assertThat(script.opened(AlertType.JOIN_RAID).get(0).alert().context()).isEqualTo("10 joins in 60 s (alert at 10)");
    }

    @Test
    void nineJoinsGiveNoAlert() {
        // GIVEN the default raid rule (10 joins in 60 s)
        // WHEN 9 members join within 40 s
        script.joins(9, T0, Duration.ofSeconds(40)).runUntil(T0.plus(Duration.ofMinutes(10)));

        // THEN nothing is alerted
        assertThat(notices).isEmpty();
    }

    @Test
    void aBulkDeleteOfFiveGivesOneDeletionAlertNamingTheChannel() {
        // GIVEN the default deletion rule (5 in 30 s)
        // WHEN a moderator bulk-deletes 5 messages in one channel
        script.deletes(T0, CHANNEL, 5).runUntil(T0.plus(Duration.ofMinutes(10)));

        // THEN one deletion alert names the channel, then ends
        assertThat(script.opened(AlertType.MASS_DELETION)).hasSize(1);
        AlertRecord opened = script.opened(AlertType.MASS_DELETION).get(0).alert();
        assertThat(opened.channelIds()).containsExactly(CHANNEL);
        assertThat(opened.context()).isEqualTo("5 messages deleted in 30 s in <#777>");
        assertThat(opened.startedAt()).isEqualTo(T0);
        assertThat(script.ended(AlertType.MASS_DELETION)).hasSize(1);
        assertThat(script.ended(AlertType.MASS_DELETION).get(0).duration()).contains(Duration.ZERO);
    }

    @Test
    void deletionsAcrossChannelsAddUpAndTheAlertNamesEveryChannel() {
        // GIVEN single deletions in two channels, then a bulk delete in a third
        script.deletes(T0, 501, 1).deletes(T0.plusSeconds(5), 502, 1).deletes(T0.plusSeconds(10), 501, 1)
                .deletes(T0.plusSeconds(20), 503, 4).deletes(T0.plusSeconds(40), 504, 3);

        // WHEN played
        script.runUntil(T0.plus(Duration.ofMinutes(10)));

        // THEN one alert: 7 deleted in 30 s in the first three channels; the end counts all 10 and the 4th channel
        assertThat(script.opened(AlertType.MASS_DELETION)).hasSize(1);
        AlertRecord opened = script.opened(AlertType.MASS_DELETION).get(0).alert();
        assertThat(opened.context()).isEqualTo("7 messages deleted in 30 s in <#501>, <#502>, <#503>");
        assertThat(opened.channelIds()).containsExactly(501L, 502L, 503L);
        AlertRecord ended = script.ended(AlertType.MASS_DELETION).get(0).alert();
        assertThat(ended.context()).isEqualTo("peak 7 messages deleted in 30 s, 10 in all, in <#501>, <#502>, <#503>, <#504>");
        assertThat(ended.endedAt()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void aRuleToggledOffGivesNothing() {
        // GIVEN raid and deletion alerts switched off
        rule(AlertType.JOIN_RAID, AlertRule.defaultFor(AlertType.JOIN_RAID).withEnabled(false));
        rule(AlertType.MASS_DELETION, AlertRule.defaultFor(AlertType.MASS_DELETION).withEnabled(false));

        // WHEN a raid and a mass deletion happen
        script.joins(30, T0, Duration.ofSeconds(30)).deletes(T0.plusSeconds(10), CHANNEL, 50)
                .runUntil(T0.plus(Duration.ofMinutes(10)));

        // THEN nothing is alerted
        assertThat(notices).isEmpty();
    }

    @Test
    void switchingARuleOffDuringAnIncidentEndsIt() {
        // GIVEN an ongoing raid
        script.joins(12, T0, Duration.ofSeconds(20)).runUntil(T0.plusSeconds(20));
        assertThat(script.opened(AlertType.JOIN_RAID)).hasSize(1);

        // WHEN the admin switches raid alerts off and joins go on
        rule(AlertType.JOIN_RAID, AlertRule.defaultFor(AlertType.JOIN_RAID).withEnabled(false));
        script.joins(30, T0.plusSeconds(30), Duration.ofSeconds(30)).runUntil(T0.plus(Duration.ofMinutes(20)));

        // THEN the incident ends at once (dated by its last raid join) and nothing else is alerted
        assertThat(script.ended(AlertType.JOIN_RAID)).hasSize(1);
        assertThat(script.ended(AlertType.JOIN_RAID).get(0).alert().endedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(notices).hasSize(2);
    }

    @Test
    void aTenMinuteRaidIsOneIncident() {
        // GIVEN the default raid rule
        // WHEN a member joins every 3 s for 10 minutes (20 a minute)
        script.joinsEvery(Duration.ofSeconds(3), T0, T0.plus(Duration.ofMinutes(10)))
                .runUntil(T0.plus(Duration.ofMinutes(30)));

        // THEN one incident, from the first join to the last, peaking at 20 in 60 s
        assertThat(script.opened(AlertType.JOIN_RAID)).hasSize(1);
        assertThat(script.ended(AlertType.JOIN_RAID)).hasSize(1);
        AlertRecord ended = script.ended(AlertType.JOIN_RAID).get(0).alert();
        assertThat(ended.startedAt()).isEqualTo(T0);
        assertThat(ended.endedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)).minusSeconds(3));
        assertThat(ended.observed()).isEqualTo(20);
        assertThat(ended.severity()).isEqualTo(Severity.WARNING);
        assertThat(ended.context()).isEqualTo("peak 20 in 60 s, 200 joins in all");
    }

    @Test
    void twoRaidsAnHourApartAreTwoIncidents() {
        // GIVEN the default raid rule
        // WHEN two raids of 15 joins happen an hour apart
        Instant second = T0.plus(Duration.ofHours(1));
        script.joins(15, T0, Duration.ofSeconds(30)).joins(15, second, Duration.ofSeconds(30))
                .runUntil(second.plus(Duration.ofMinutes(15)));

        // THEN two incidents, each opened and ended once, with distinct ids
        assertThat(script.opened(AlertType.JOIN_RAID)).extracting(n -> n.alert().startedAt())
                .containsExactly(T0, second);
        assertThat(script.ended(AlertType.JOIN_RAID)).extracting(n -> n.alert().id())
                .containsExactly(AlertRecord.idFor(GUILD, AlertType.JOIN_RAID, T0),
                        AlertRecord.idFor(GUILD, AlertType.JOIN_RAID, second));
    }

    @Test
    void aSecondWaveWithinTheQuietPeriodContinuesTheSameIncident() {
        // GIVEN a raid that pauses for two minutes (less than the 5-minute quiet period), then resumes
        script.joins(12, T0, Duration.ofSeconds(20)).joins(12, T0.plus(Duration.ofMinutes(3)), Duration.ofSeconds(20))
                .runUntil(T0.plus(Duration.ofMinutes(20)));

        // THEN it is one incident counting both waves
        assertThat(script.opened(AlertType.JOIN_RAID)).hasSize(1);
        assertThat(script.ended(AlertType.JOIN_RAID)).hasSize(1);
        AlertRecord ended = script.ended(AlertType.JOIN_RAID).get(0).alert();
        assertThat(ended.context()).isEqualTo("peak 12 in 60 s, 24 joins in all");
        assertThat(ended.endedAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)).plusSeconds(20));
    }

    @Test
    void aShortWaveDuringTheCooldownIsNotAlertedAgain() {
        // GIVEN a raid whose incident has just ended (condition gone at ~64 s, quiet 5 min → ends at ~364 s)
        // WHEN a short second wave comes at 400 s, inside the 5-minute cooldown
        script.joins(12, T0, Duration.ofSeconds(20)).joins(12, T0.plusSeconds(400), Duration.ofSeconds(20))
                .runUntil(T0.plus(Duration.ofMinutes(30)));

        // THEN no second alert: no storm
        assertThat(script.opened(AlertType.JOIN_RAID)).hasSize(1);
        assertThat(script.ended(AlertType.JOIN_RAID)).hasSize(1);
    }

    @Test
    void aRaidStillGoingWhenTheCooldownEndsOpensANewIncident() {
        // GIVEN a first raid that ended (cooldown until ~664 s)
        // WHEN a second raid starts at 400 s and lasts until 900 s
        script.joins(12, T0, Duration.ofSeconds(20))
                .joinsEvery(Duration.ofSeconds(3), T0.plusSeconds(400), T0.plusSeconds(900))
                .runUntil(T0.plus(Duration.ofMinutes(40)));

        // THEN it is alerted once the cooldown is over, not before
        assertThat(script.opened(AlertType.JOIN_RAID)).hasSize(2);
        Instant cooldownEnd = T0.plusMillis(20_000L * 2 / 11).plusSeconds(60 + 300 + 300);
        AlertRecord second = script.opened(AlertType.JOIN_RAID).get(1).alert();
        assertThat(notices.indexOf(script.opened(AlertType.JOIN_RAID).get(1)))
                .isGreaterThan(notices.indexOf(script.ended(AlertType.JOIN_RAID).get(0)));
        assertThat(second.startedAt()).isAfter(cooldownEnd.minusSeconds(60));
        assertThat(script.ended(AlertType.JOIN_RAID)).hasSize(2);
    }

    @Test
    void baselineModeIgnoresAGuildsUsualHighRateButCatchesThreeTimesIt() {
        // GIVEN a guild that always gets 10 joins a minute, with raid threshold 40 and baseline mode at 3×
        rule(AlertType.JOIN_RAID, new AlertRule(true, 40, Duration.ofSeconds(60), 3.0));
        Instant raid = at(Duration.ofHours(3).plusMinutes(1));
        script.joinsEvery(Duration.ofSeconds(6), T0, at(Duration.ofHours(3)));

        // WHEN three hours of that pass, then 30 join in a minute
        script.runUntil(raid.minusSeconds(5));
        List<AlertNotice> beforeRaid = List.copyOf(notices);
        script.joinsEvery(Duration.ofSeconds(2), raid, raid.plusSeconds(60)).runUntil(raid.plus(Duration.ofMinutes(15)));

        // THEN the usual 10/min never alerted, and 3× that did, naming the usual rate
        assertThat(beforeRaid).isEmpty();
        assertThat(script.opened(AlertType.JOIN_RAID)).hasSize(1);
        AlertRecord opened = script.opened(AlertType.JOIN_RAID).get(0).alert();
        assertThat(opened.context()).isEqualTo("usually 10 joins/min, now 30 in 60 s");
        assertThat(opened.baseline()).isEqualTo(10.0);
        assertThat(opened.startedAt()).isEqualTo(raid);
    }

    @Test
    void baselineModeStaysSilentBelowTheFactor() {
        // GIVEN the same guild (10 joins a minute, threshold 40, baseline mode at 3×)
        rule(AlertType.JOIN_RAID, new AlertRule(true, 40, Duration.ofSeconds(60), 3.0));
        Instant raid = at(Duration.ofHours(3).plusMinutes(1));
        script.joinsEvery(Duration.ofSeconds(6), T0, at(Duration.ofHours(3)));

        // WHEN 2× the usual rate arrives (20 in a minute)
        script.joinsEvery(Duration.ofSeconds(3), raid, raid.plusSeconds(60)).runUntil(raid.plus(Duration.ofMinutes(15)));

        // THEN nothing is alerted
        assertThat(notices).isEmpty();
    }

    @Test
    void withoutBaselineModeTheSameBusyGuildAlertsOnItsOrdinaryTraffic() {
        // GIVEN the default rule (10 in 60 s, no baseline mode) on a guild that always gets 10 joins a minute
        // WHEN an ordinary hour passes
        script.joinsEvery(Duration.ofSeconds(6), T0, at(Duration.ofHours(1))).runUntil(at(Duration.ofHours(2)));

        // THEN it is one long "raid": the reason to use the baseline mode for such guilds
        assertThat(script.opened(AlertType.JOIN_RAID)).hasSize(1);
    }

    @Test
    void aVoiceSurgeAtThreeTimesTheBaselineIsAlertedOnceAndEnds() {
        // GIVEN two hours with 2 members in voice (default rule: 3× baseline and at least 5 members)
        Instant surge = at(Duration.ofHours(2));
        script.voice(T0, 2);

        // WHEN 5 members are in voice (2.5×), then 6 (3×), then it falls back to 1
        script.voice(surge, 5).voice(surge.plusSeconds(60), 6).voice(surge.plusSeconds(600), 1)
                .runUntil(surge.plus(Duration.ofMinutes(30)));

        // THEN one surge alert at 6, with the usual count, ending when it fell back
        assertThat(script.opened(AlertType.VOICE_SURGE)).hasSize(1);
        AlertRecord opened = script.opened(AlertType.VOICE_SURGE).get(0).alert();
        assertThat(opened.context()).isEqualTo("usually 2 members in voice, now 6");
        assertThat(opened.startedAt()).isEqualTo(surge.plusSeconds(60));
        assertThat(opened.baseline()).isEqualTo(2.0);
        assertThat(script.ended(AlertType.VOICE_SURGE)).hasSize(1);
        AlertNotice ended = script.ended(AlertType.VOICE_SURGE).get(0);
        assertThat(ended.alert().endedAt()).isEqualTo(surge.plusSeconds(600));
        assertThat(ended.duration()).contains(Duration.ofSeconds(540));
        assertThat(ended.alert().context()).isEqualTo("usually 2 members in voice, peak 6");
    }

    @Test
    void aVoiceSurgeNeedsTheMinimumNumberOfMembers() {
        // GIVEN two hours with 1 member in voice
        Instant surge = at(Duration.ofHours(2));
        script.voice(T0, 1);

        // WHEN 4 members are in voice (4× but under 5), then 5
        script.voice(surge, 4).runUntil(surge.plus(Duration.ofMinutes(5)));
        List<AlertNotice> atFour = List.copyOf(notices);
        script.voice(surge.plus(Duration.ofMinutes(6)), 5).runUntil(surge.plus(Duration.ofMinutes(10)));

        // THEN only 5 is alerted
        assertThat(atFour).isEmpty();
        assertThat(script.opened(AlertType.VOICE_SURGE)).hasSize(1);
        assertThat(script.opened(AlertType.VOICE_SURGE).get(0).alert().context()).isEqualTo("usually 1 member in voice, now 5");
    }

    @Test
    void noVoiceSurgeIsAlertedBeforeTheBaselineHasWarmedUp() {
        // GIVEN 10 minutes of history with nobody in voice
        script.voice(T0, 0);

        // WHEN 20 members join voice
        script.voice(T0.plus(Duration.ofMinutes(10)), 20).runUntil(T0.plus(Duration.ofMinutes(20)));

        // THEN nothing is alerted: there is no baseline to compare with yet
        assertThat(notices).isEmpty();
    }

    @Test
    void aFailingSinkDoesNotStopDetection() {
        // GIVEN a sink that fails on the first notice
        List<AlertNotice> delivered = new ArrayList<>();
        AlertDetector flaky = new AlertDetector(GuildSettings::defaults, notice -> {
            if (delivered.isEmpty() && notice.kind() == AlertNotice.Kind.OPENED && notice.alert().type() == AlertType.JOIN_RAID) {
                delivered.add(null);
                throw new IllegalStateException("sink down");
            }
            delivered.add(notice);
        });

        // WHEN a raid and then a mass deletion happen
        for (int i = 0; i < 12; i++) {
            flaky.accept(new MemberJoined(GUILD, i + 1, T0.plusSeconds(i)));
        }
        flaky.accept(new io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted(GUILD, CHANNEL, 6, T0.plusSeconds(20)));
        flaky.tick(T0.plus(Duration.ofMinutes(10)));

        // THEN the raid's ENDED and the deletion's notices still arrive
        assertThat(delivered.stream().filter(n -> n != null).map(n -> n.alert().type() + " " + n.kind()))
                .containsExactly("MASS_DELETION OPENED", "JOIN_RAID ENDED", "MASS_DELETION ENDED");
    }

    @Test
    void unreadableSettingsSkipDetectionWithoutFailing() {
        // GIVEN settings that cannot be read
        AlertDetector blind = new AlertDetector(id -> {
            throw new IllegalStateException("store down");
        }, notices::add);

        // WHEN a raid happens
        for (int i = 0; i < 20; i++) {
            blind.accept(new MemberJoined(GUILD, i + 1, T0.plusSeconds(i)));
        }
        blind.tick(T0.plus(Duration.ofMinutes(10)));

        // THEN nothing is alerted and nothing is thrown
        assertThat(notices).isEmpty();
    }

    @Test
    void otherEventsAreIgnoredAndIdleGuildsAreForgotten() {
        // GIVEN a guild with one deletion, a guild with someone in voice, and a message in a third
        detector.accept(new io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted(GUILD, CHANNEL, 1, T0));
        detector.voicePresence(GUILD + 1, 3, T0);
        detector.accept(new MessagePosted(GUILD + 2, CHANNEL, 1, T0));
        int tracked = detector.trackedGuilds();

        // WHEN a day and more passes
        detector.tick(T0.plus(Duration.ofHours(26)));

        // THEN the message kept no state, the idle guild is forgotten, the one with members in voice is kept
        assertThat(tracked).isEqualTo(2);
        assertThat(detector.trackedGuilds()).isEqualTo(1);
    }

    @Test
    void openIncidentsAreListedForStatus() {
        // GIVEN an ongoing mass deletion
        detector.accept(new io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted(GUILD, CHANNEL, 9, T0));

        // WHEN asked for the guild's open incidents
        List<AlertRecord> open = detector.openIncidents(GUILD);

        // THEN the deletion is listed, the other guild has none
        assertThat(open).extracting(AlertRecord::type).containsExactly(AlertType.MASS_DELETION);
        assertThat(open.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(detector.openIncidents(GUILD + 1)).isEmpty();
    }
}
