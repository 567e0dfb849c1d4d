package io.serverpulse.common.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActivityDropWatchTest {

    private static final long GUILD = 7_000L;
    private static final long GENERAL = 71L;
    private static final long MEMES = 72L;
    /** The drop's first hour: 19:00-20:00 UTC on the 9th day of the store's history. */
    private static final Instant DROP = Instant.parse("2026-03-10T19:00:00Z");
    private static final Instant HISTORY = DROP.minus(Duration.ofDays(8));
    private static final TimeWindow ALL = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    private final InMemoryStore store = new InMemoryStore();
    private final GuildSettings settings = GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL, MEMES), HISTORY);

    /** {@code perHour} messages (split over two channels) in each hour of {@code [from, to)}. */
    private void messages(Instant from, Instant to, long perHour) {
        MetricBatch.Builder batch = MetricBatch.builder(UUID.randomUUID().toString());
        for (Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            batch.add(BucketKey.channelHour(GUILD, GENERAL, h), Counter.MESSAGES, perHour * 3 / 4);
            batch.add(BucketKey.channelHour(GUILD, MEMES, h), Counter.MESSAGES, perHour - perHour * 3 / 4);
        }
        store.apply(batch.build());
    }

    private static Instant hoursAfterDrop(int hours) {
        return DROP.plus(Duration.ofHours(hours));
    }

    @Test
    void aDropOpensOneIncidentAndARerunOrARestartDoesNotOpenASecond() {
        // GIVEN 8 days of 100 messages an hour, then 10 in 19:00-20:00
        messages(HISTORY, DROP, 100);
        messages(DROP, hoursAfterDrop(1), 10);

        // WHEN the hour ending at 20:00 is checked, then checked again by a new watch (a restart)
        Optional<AlertNotice> first = new ActivityDropWatch(store, store).check(settings, hoursAfterDrop(1));
        Optional<AlertNotice> again = new ActivityDropWatch(store, store).check(settings, hoursAfterDrop(1));

        // THEN one OPENED notice from 19:00, whose record was saved before it was returned; no second one
        AlertNotice opened = first.orElseThrow();
        assertThat(opened.kind()).isEqualTo(AlertNotice.Kind.OPENED);
        assertThat(opened.alert().startedAt()).isEqualTo(DROP);
        assertThat(opened.alert().context()).isEqualTo("usually 100 messages at this hour (over 7 previous days), 10 in the last hour");
        assertThat(opened.alert().channelIds()).isEmpty();
        assertThat(again).isEmpty();
        assertThat(store.alerts(GUILD, ALL)).containsExactly(opened.alert());
    }

    @Test
    void aDropOfThreeHoursEndsAtTheStartOfTheFirstRecoveredHour() {
        // GIVEN 8 days of 100 messages an hour, then 3 hours of 10, then 95 again
        messages(HISTORY, DROP, 100);
        messages(DROP, hoursAfterDrop(3), 10);
        messages(hoursAfterDrop(3), hoursAfterDrop(5), 95);
        ActivityDropWatch watch = new ActivityDropWatch(store, store);

        // WHEN every hour from 20:00 to 24:00 is checked, in order
        List<Optional<AlertNotice>> notices = List.of(
                watch.check(settings, hoursAfterDrop(1)),
                watch.check(settings, hoursAfterDrop(2)),
                watch.check(settings, hoursAfterDrop(3)),
                watch.check(settings, hoursAfterDrop(4)),
                watch.check(settings, hoursAfterDrop(5)));

        // THEN one OPENED at 20:00, nothing while it lasts, one ENDED at 23:00 with the final numbers
        assertThat(notices.get(0)).map(AlertNotice::kind).contains(AlertNotice.Kind.OPENED);
        assertThat(notices.subList(1, 3)).allMatch(Optional::isEmpty);
        AlertNotice ended = notices.get(3).orElseThrow();
        assertThat(ended.kind()).isEqualTo(AlertNotice.Kind.ENDED);
        assertThat(ended.alert().id()).isEqualTo(notices.get(0).orElseThrow().alert().id());
        assertThat(ended.alert().startedAt()).isEqualTo(DROP);
        assertThat(ended.alert().endedAt()).isEqualTo(hoursAfterDrop(3));
        assertThat(ended.duration()).contains(Duration.ofHours(3));
        assertThat(ended.alert().context()).isEqualTo("usually 100 messages at this hour (over 7 previous days), 95 in the"
                + " last hour; the drop began with 10 messages (usually 100)");
        assertThat(notices.get(4)).isEmpty();
        // and the store holds that one incident, ended
        List<AlertRecord> stored = store.alerts(GUILD, ALL);
        assertThat(stored).containsExactly(ended.alert());
    }

    @Test
    void switchingTheRuleOffEndsAnOngoingDropAndOpensNoNewOne() {
        // GIVEN an ongoing drop (10 messages an hour instead of 100, for 3 hours)
        messages(HISTORY, DROP, 100);
        messages(DROP, hoursAfterDrop(3), 10);
        ActivityDropWatch watch = new ActivityDropWatch(store, store);
        AlertRecord opened = watch.check(settings, hoursAfterDrop(1)).orElseThrow().alert();
        GuildSettings off = settings.withAlert(AlertType.ACTIVITY_DROP,
                AlertRule.defaultFor(AlertType.ACTIVITY_DROP).withEnabled(false), hoursAfterDrop(1));

        // WHEN the admin switched drop alerts off before the next two checks
        Optional<AlertNotice> next = watch.check(off, hoursAfterDrop(2));
        Optional<AlertNotice> after = watch.check(off, hoursAfterDrop(3));

        // THEN the incident ends at the start of the hour checked without the rule, and nothing else comes
        AlertNotice ended = next.orElseThrow();
        assertThat(ended.kind()).isEqualTo(AlertNotice.Kind.ENDED);
        assertThat(ended.alert().id()).isEqualTo(opened.id());
        assertThat(ended.alert().endedAt()).isEqualTo(hoursAfterDrop(1));
        assertThat(ended.alert().context()).isEqualTo("alert switched off; the drop began with 10 messages (usually 100)");
        assertThat(after).isEmpty();
        assertThat(store.alerts(GUILD, ALL)).extracting(AlertRecord::ongoing).containsExactly(false);
    }

    @Test
    void aQuietGuildOrAGuildWithoutHistoryGetsNothing() {
        // GIVEN one guild usually at 15 messages an hour (under the threshold of 20), silent for an hour,
        // and the same silence in a guild collected for 10 hours only
        messages(HISTORY, DROP, 15);
        GuildSettings fresh = GuildSettings.defaults(GUILD + 1);
        MetricBatch.Builder young = MetricBatch.builder("young");
        for (int h = 10; h > 0; h--) {
            young.add(BucketKey.channelHour(GUILD + 1, GENERAL, DROP.minus(Duration.ofHours(h))), Counter.MESSAGES, 300);
        }
        store.apply(young.build());
        ActivityDropWatch watch = new ActivityDropWatch(store, store);

        // WHEN the silent hour is checked in both
        // THEN neither is a drop, and nothing is stored
        assertThat(watch.check(settings, hoursAfterDrop(1))).isEmpty();
        assertThat(watch.check(fresh, hoursAfterDrop(1))).isEmpty();
        assertThat(store.alerts(GUILD, ALL)).isEmpty();
        assertThat(store.alerts(GUILD + 1, ALL)).isEmpty();
    }

    @Test
    void aCheckOffAnHourBoundaryIsRefused() {
        // GIVEN / WHEN a check at 20:15
        // THEN it is refused: the window would not be whole hours
        assertThatThrownBy(() -> new ActivityDropWatch(store, store).check(settings, hoursAfterDrop(1).plusSeconds(900)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("activity drops are checked at hour boundaries, not at 2026-03-10T20:15:00Z");
    }

    /** A guild with 8 days of 100 messages an hour and {@code lastHour} in 19:00-20:00, evaluated for 20:00. */
    private ActivityDropWatch.Decision guildWithLastHour(long guildId, long lastHour) {
        MetricBatch.Builder batch = MetricBatch.builder(UUID.randomUUID().toString());
        for (Instant h = HISTORY; h.isBefore(DROP); h = h.plus(Duration.ofHours(1))) {
            batch.add(BucketKey.channelHour(guildId, GENERAL, h), Counter.MESSAGES, 100);
        }
        if (lastHour > 0) {
            batch.add(BucketKey.channelHour(guildId, GENERAL, DROP), Counter.MESSAGES, lastHour);
        }
        store.apply(batch.build());
        return new ActivityDropWatch(store, store).evaluate(GuildSettings.defaults(guildId), hoursAfterDrop(1));
    }

    @Test
    void manyGuildsDroppingInTheSameHourLookLikeACollectionOutage() {
        // GIVEN four busy guilds, three of them silent in 19:00-20:00 (the collector was down)
        List<ActivityDropWatch.Decision> outage = List.of(guildWithLastHour(1, 0), guildWithLastHour(2, 0),
                guildWithLastHour(3, 0), guildWithLastHour(4, 100));

        // WHEN / THEN that hour is a suspected outage, and evaluating saved nothing
        assertThat(outage).extracting(ActivityDropWatch.Decision::kind).containsExactly(ActivityDropWatch.Decision.Kind.OPEN,
                ActivityDropWatch.Decision.Kind.OPEN, ActivityDropWatch.Decision.Kind.OPEN, ActivityDropWatch.Decision.Kind.NOTHING);
        assertThat(ActivityDropWatch.suspectedOutage(outage)).isTrue();
        assertThat(store.alerts(1, ALL)).isEmpty();
    }

    @Test
    void twoGuildsOrAFewAmongManyDroppingAreRealDrops() {
        // GIVEN two of three guilds dropping, and (separately) three of eight
        List<ActivityDropWatch.Decision> two = List.of(guildWithLastHour(11, 0), guildWithLastHour(12, 0),
                guildWithLastHour(13, 100));
        List<ActivityDropWatch.Decision> threeOfEight = new java.util.ArrayList<>();
        for (long g = 21; g <= 28; g++) {
            threeOfEight.add(guildWithLastHour(g, g <= 23 ? 0 : 100));
        }

        // WHEN / THEN neither looks like an outage: those drops are alerted
        assertThat(ActivityDropWatch.suspectedOutage(two)).isFalse();
        assertThat(ActivityDropWatch.suspectedOutage(threeOfEight)).isFalse();
        assertThat(new ActivityDropWatch(store, store).commit(two.get(0))).hasValueSatisfying(
                n -> assertThat(n.kind()).isEqualTo(AlertNotice.Kind.OPENED));
    }

    @Test
    void aFrenchGuildsDropReadsInFrench() {
        // GIVEN a French guild with 8 days of 100 messages an hour, then 3 hours of 10, then 95 again
        GuildSettings french = settings.withLocale("fr", HISTORY);
        messages(HISTORY, DROP, 100);
        messages(DROP, hoursAfterDrop(1), 10);
        messages(hoursAfterDrop(1), hoursAfterDrop(2), 95);
        ActivityDropWatch watch = new ActivityDropWatch(store, store);

        // WHEN the drop hour and the recovered hour are checked
        AlertNotice opened = watch.check(french, hoursAfterDrop(1)).orElseThrow();
        AlertNotice ended = watch.check(french, hoursAfterDrop(2)).orElseThrow();

        // THEN both sentences are French
        assertThat(opened.alert().context())
                .isEqualTo("d’habitude 100 messages à cette heure (sur 7 jours précédents), 10 dans la dernière heure");
        assertThat(ended.alert().context()).isEqualTo("d’habitude 100 messages à cette heure (sur 7 jours précédents),"
                + " 95 dans la dernière heure ; la chute a commencé avec 10 messages (d’habitude 100)");
    }
}
