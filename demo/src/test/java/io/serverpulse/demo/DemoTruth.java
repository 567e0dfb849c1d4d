package io.serverpulse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.timeline.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the demo must show, from the emulator's ground truth for {@link DemoScenario} (the guild opted
 * in to sentiment counts, as the demo's owner does): the lines its numbers appear in, and the stored
 * counts its database must hold.
 */
final class DemoTruth {

    final SimulatedCommunity sim = DemoScenario.build();
    final long guildId = sim.community().guildId();
    final GroundTruth truth = sim.groundTruth(false, Set.of(guildId));
    private final Map<Long, String> names = new HashMap<>();

    DemoTruth() {
        sim.community().members().forEach(m -> names.put(m.userId(), m.username()));
        sim.events().stream().filter(e -> e instanceof TimelineEvent.MemberAdd).map(e -> (TimelineEvent.MemberAdd) e)
                .forEach(j -> names.put(j.userId(), j.username()));
    }

    /** The answer to /topmessagers period:7d after the two days: "@name — N messages", in rank order. */
    List<String> topMessagers() {
        List<String> lines = new ArrayList<>();
        for (MemberCount top : truth.topMembers(LeaderboardQuery.messages(guildId, BucketKey.ALL_CHANNELS, Period.LAST_7_DAYS,
                sim.end(), 10))) {
            lines.add("@" + names.get(top.memberId()) + " — " + top.count() + " messages");
        }
        return lines;
    }

    /** The /sentiment summary's three counts: "Positive: N", "Neutral: N", "Negative: N". */
    List<String> sentiment() {
        return List.of("Positive: " + total(Counter.SENTIMENT_POSITIVE, all()), "Neutral: " + total(Counter.SENTIMENT_NEUTRAL, all()),
                "Negative: " + total(Counter.SENTIMENT_NEGATIVE, all()));
    }

    /** Every 6 h: "(so far ServerPulse has counted N messages and R reactions". */
    List<String> progress() {
        List<String> lines = new ArrayList<>();
        for (Instant at = sim.start().plus(Duration.ofHours(6)); at.isBefore(sim.end()); at = at.plus(Duration.ofHours(6))) {
            TimeWindow sofar = new TimeWindow(sim.start(), at);
            lines.add(DiscordView.time(at) + "  (so far ServerPulse has counted " + total(Counter.MESSAGES, sofar) + " messages and "
                    + total(Counter.REACTIONS, sofar) + " reactions");
        }
        return lines;
    }

    /** The alert sentences whose numbers come from the incidents as they happened. */
    List<String> alertNumbers() {
        long raid = sim.incidents(AlertType.JOIN_RAID).get(0).magnitude();
        long deleted = sim.incidents(AlertType.MASS_DELETION).get(0).magnitude();
        long voice = sim.incidents(AlertType.VOICE_SURGE).get(0).magnitude();
        Instant drop = sim.incidents(AlertType.ACTIVITY_DROP).get(0).start();
        long usual = total(Counter.MESSAGES, new TimeWindow(drop.minus(Duration.ofDays(1)), drop.minus(Duration.ofDays(1)).plus(Duration.ofHours(1))));
        long during = total(Counter.MESSAGES, new TimeWindow(drop, drop.plus(Duration.ofHours(1))));
        return List.of(raid + " joins in all", deleted + " in all", "peak " + voice,
                "usually " + usual + " messages at this hour (over 1 previous day), " + during + " in the last hour");
    }

    /** Asserts that {@code store} holds the ground truth's counts: per channel, per emoji, and every leaderboard. */
    void assertStored(Store store) {
        TimeWindow all = all();
        for (Counter counter : List.of(Counter.MESSAGES, Counter.REACTIONS, Counter.DELETIONS, Counter.VOICE_SECONDS, Counter.VOICE_JOINS,
                Counter.JOINS, Counter.LEAVES, Counter.SENTIMENT_POSITIVE, Counter.SENTIMENT_NEUTRAL, Counter.SENTIMENT_NEGATIVE)) {
            assertThat(store.totals(BucketKind.CHANNEL_HOUR, guildId, counter, all, 100)).as(counter.name())
                    .isEqualTo(truth.totals(BucketKind.CHANNEL_HOUR, guildId, counter, all, 100));
        }
        assertThat(store.totals(BucketKind.EMOJI_DAY, guildId, Counter.REACTIONS, all, 100))
                .isEqualTo(truth.totals(BucketKind.EMOJI_DAY, guildId, Counter.REACTIONS, all, 100));
        for (Period period : Period.values()) {
            for (Counter counter : List.of(Counter.MESSAGES, Counter.REACTIONS)) {
                LeaderboardQuery query = new LeaderboardQuery(guildId, BucketKey.ALL_CHANNELS, counter, period, sim.end(),
                        LeaderboardQuery.MAX_LIMIT);
                assertThat(store.topMembers(query)).as(query.toString()).isEqualTo(truth.topMembers(query));
            }
        }
    }

    List<Community.Channel> collected() {
        return sim.community().channels().stream().filter(c -> sim.collectedChannelIds().contains(c.id())).toList();
    }

    private TimeWindow all() {
        return new TimeWindow(sim.start(), sim.end());
    }

    private long total(Counter counter, TimeWindow window) {
        return truth.totals(BucketKind.CHANNEL_HOUR, guildId, counter, window, 100).stream().mapToLong(KeyCount::count).sum();
    }
}
