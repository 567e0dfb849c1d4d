package io.serverpulse.common.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MemberLeft;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.metrics.ActivityEvent.VoiceJoined;
import io.serverpulse.common.metrics.ActivityEvent.VoiceTime;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.testing.ShrinkingLists;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property-based half of the storage contract; adapters extend it with {@link #createStore()}.
 *
 * <p>Random event streams in three guilds (sharing channel, member and emoji ids) over ~40 days
 * around a fixed "now" are folded by the real {@link MetricAggregator} into several batches; some
 * batches are applied twice and the order is shuffled; sometimes one guild has a short retention
 * and the expired rows are swept. Then every leaderboard (each period, guild-wide and per channel,
 * messages and reactions), the hourly rows of every channel, joins and leaves per day, emoji and
 * channel totals read from the store must equal a brute-force reference computed directly from
 * the raw event list — not through the aggregator.
 */
public abstract class StoreContractProperties {

    static final Instant NOW = Instant.parse("2026-06-15T10:37:12.345Z");
    static final long[] GUILDS = {810_000_000_000_000_001L, 810_000_000_000_000_002L, 810_000_000_000_000_003L};
    /** Retention of this guild is varied; the others keep the default. */
    static final long SHORT_RETENTION_GUILD = GUILDS[1];
    static final long[] CHANNELS = {900_000_000_000_000_011L, 900_000_000_000_000_012L, 1_000L};
    static final long[] MEMBERS = {101, 102, 103, 104, 105, 1_000_001};
    static final String[] EMOJI = {"👍", "🎉", "ｗ", "party:123", "❤️"};
    private static final TimeWindow EVERYTHING = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    /** A new, empty store; every call returns an independent one. The property closes it. */
    protected abstract Store createStore();

    // ================================================================ the property

    /** How the events are sent and what happens after: batches, shuffling, the sweep and the short retention. */
    record Plan(int batchCount, long shuffleSeed, boolean sweep, int shortRetentionDays) {
    }

    static Gen<Plan> plans() {
        return integers().between(1, 6).zip(longs().all(), booleans().all(), integers().between(1, 45), Plan::new);
    }

    @Test
    void storedAggregatesEqualABruteForceCountOfTheEvents() {
        // 60 tries, each on a new store that is closed at the end of the try; after a failure, up
        // to 1,000 smaller inputs are tried (each on a new store) to report a smaller counterexample
        qt().withFixedSeed(0x5707_E001L).withExamples(60).withShrinkCycles(1_000)
                .forAll(eventStreams(), plans())
                .checkAssert(this::storedAggregatesEqualTheReference);
    }

    private void storedAggregatesEqualTheReference(List<ActivityEvent> events, Plan plan) {
        // GIVEN one guild with a (possibly short) retention, and the events split into batches,
        // some sent twice, in shuffled order
        Retention shortRetention = new Retention(plan.shortRetentionDays(), 30, 180);
        List<MetricBatch> sends = plan(events, plan.batchCount(), new Random(plan.shuffleSeed()));

        try (Store store = createStore()) {
            store.saveSettings(GuildSettings.defaults(SHORT_RETENTION_GUILD).withRetention(shortRetention, NOW));

            // WHEN they are applied (and, sometimes, the expired rows swept at "now")
            sends.forEach(store::apply);
            if (plan.sweep()) {
                store.sweepExpired(NOW);
            }

            // THEN every read equals the brute-force count of the raw events
            Reference reference = new Reference(events, plan.sweep() ? NOW : null, shortRetention);
            for (long guild : GUILDS) {
                checkLeaderboards(store, reference, guild);
                checkHourlyRows(store, reference, guild);
                checkDailyJoinsAndLeaves(store, reference, guild);
                checkTotals(store, reference, guild);
            }
        }
    }

    private static List<MetricBatch> plan(List<ActivityEvent> events, int batchCount, Random random) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < batchCount; i++) {
            cuts.add(events.isEmpty() ? 0 : random.nextInt(events.size() + 1));
        }
        Collections.sort(cuts);
        cuts.add(events.size());
        List<MetricBatch> sends = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < cuts.size(); i++) {
            String batchId = "prop-" + i;
            MetricAggregator aggregator = new MetricAggregator(() -> batchId);
            events.subList(from, cuts.get(i)).forEach(aggregator::add);
            from = cuts.get(i);
            MetricBatch batch = aggregator.drain();
            sends.add(batch);
            if (random.nextInt(3) == 0) {
                sends.add(batch);
            }
        }
        Collections.shuffle(sends, random);
        return sends;
    }

    private static void checkLeaderboards(Store store, Reference reference, long guild) {
        List<Long> channels = new ArrayList<>(List.of(BucketKey.ALL_CHANNELS));
        Arrays.stream(CHANNELS).forEach(channels::add);
        for (long channel : channels) {
            for (Period period : Period.values()) {
                for (Counter counter : List.of(Counter.MESSAGES, Counter.REACTIONS)) {
                    List<MemberCount> expected = reference.leaderboard(guild, channel, counter, period);
                    List<MemberCount> actual = store.topMembers(
                            new LeaderboardQuery(guild, channel, counter, period, NOW, LeaderboardQuery.MAX_LIMIT));
                    assertThat(actual)
                            .as("%s %s leaderboard of guild %d channel %d", period.label(), counter, guild, channel)
                            .isEqualTo(expected);
                    List<MemberCount> top3 = store.topMembers(new LeaderboardQuery(guild, channel, counter, period, NOW, 3));
                    assertThat(top3).isEqualTo(expected.subList(0, Math.min(3, expected.size())));
                }
            }
        }
    }

    private static void checkHourlyRows(Store store, Reference reference, long guild) {
        List<Long> channels = new ArrayList<>(List.of(BucketKey.GUILD_WIDE));
        Arrays.stream(CHANNELS).forEach(channels::add);
        for (long channel : channels) {
            Map<Instant, Map<Counter, Long>> actual = new TreeMap<>();
            for (BucketRow row : store.buckets(BucketKind.CHANNEL_HOUR, guild, channel, null, EVERYTHING)) {
                assertThat(row.key().guildId()).isEqualTo(guild);
                assertThat(row.key().channelId()).isEqualTo(channel);
                actual.put(row.key().start(), row.counters());
            }
            assertThat(actual).as("hourly rows of guild %d channel %d", guild, channel)
                    .isEqualTo(reference.hourly(guild, channel));
        }
    }

    private static void checkDailyJoinsAndLeaves(Store store, Reference reference, long guild) {
        Map<Instant, Map<Counter, Long>> perDay = new TreeMap<>();
        for (BucketRow row : store.buckets(BucketKind.CHANNEL_HOUR, guild, BucketKey.GUILD_WIDE, null, EVERYTHING)) {
            Map<Counter, Long> day = perDay.computeIfAbsent(row.key().start().truncatedTo(ChronoUnit.DAYS), d -> new EnumMap<>(Counter.class));
            for (Counter counter : List.of(Counter.JOINS, Counter.LEAVES)) {
                if (row.get(counter) > 0) {
                    day.merge(counter, row.get(counter), Long::sum);
                }
            }
        }
        assertThat(perDay).as("joins and leaves per day in guild %d", guild).isEqualTo(reference.joinsAndLeavesPerDay(guild));
    }

    private static void checkTotals(Store store, Reference reference, long guild) {
        for (Period period : Period.values()) {
            TimeWindow days = period == Period.LAST_24_HOURS ? Period.LAST_7_DAYS.window(NOW) : period.window(NOW);
            assertThat(store.totals(BucketKind.EMOJI_DAY, guild, Counter.REACTIONS, days, 100))
                    .as("emoji totals of guild %d in %s", guild, days)
                    .isEqualTo(reference.emojiTotals(guild, days));
            TimeWindow hours = period.window(NOW);
            for (Counter counter : List.of(Counter.MESSAGES, Counter.DELETIONS)) {
                assertThat(store.totals(BucketKind.CHANNEL_HOUR, guild, counter, hours, 100))
                        .as("%s per channel of guild %d in %s", counter, guild, hours)
                        .isEqualTo(reference.channelTotals(guild, counter, hours));
            }
        }
    }

    // ================================================================ generators

    static Gen<List<ActivityEvent>> eventStreams() {
        Gen<ActivityEvent> event = Generate.frequency(List.of(
                Pair.of(40, messages()),
                Pair.of(20, reactions()),
                Pair.of(6, deletions()),
                Pair.of(8, joins()),
                Pair.of(6, leaves()),
                Pair.of(4, voiceJoins()),
                Pair.of(5, voiceTime())));
        return ShrinkingLists.of(event, 0, 160);
    }

    private static Gen<Long> guilds() {
        return arbitrary().pick(GUILDS[0], GUILDS[1], GUILDS[2]);
    }

    private static Gen<Long> channels() {
        return arbitrary().pick(CHANNELS[0], CHANNELS[1], CHANNELS[2]);
    }

    private static Gen<Long> members() {
        return arbitrary().pick(Arrays.stream(MEMBERS).boxed().toList());
    }

    /**
     * Mostly spread over [now − 38 d, now + 2 d], often within a couple of days of now, and often
     * exactly on an hour or day boundary (where off-by-one windows show).
     */
    static Gen<Instant> instants() {
        Instant earliest = NOW.minus(Duration.ofDays(38));
        long span = Duration.ofDays(40).toMillis();
        Gen<Instant> anywhere = longs().between(0, span).map(earliest::plusMillis);
        Gen<Instant> nearNow = longs().between(-Duration.ofHours(50).toMillis(), Duration.ofHours(3).toMillis())
                .map(NOW::plusMillis);
        Gen<Instant> onHour = Generate.oneOf(anywhere, nearNow).map(t -> t.truncatedTo(ChronoUnit.HOURS));
        Gen<Instant> justBeforeHour = onHour.map(t -> t.minusMillis(1));
        Gen<Instant> onDay = anywhere.map(t -> t.truncatedTo(ChronoUnit.DAYS));
        return Generate.frequency(List.of(
                Pair.of(4, anywhere),
                Pair.of(4, nearNow),
                Pair.of(1, onHour),
                Pair.of(1, justBeforeHour),
                Pair.of(1, onDay)));
    }

    private static Gen<ActivityEvent> messages() {
        return guilds().zip(channels(), members(), instants(), MessagePosted::new);
    }

    private static Gen<ActivityEvent> reactions() {
        return guilds().zip(channels(), members(), arbitrary().pick(EMOJI), instants(), ReactionAdded::new);
    }

    private static Gen<ActivityEvent> deletions() {
        return guilds().zip(channels(), integers().between(1, 50), instants(), MessagesDeleted::new);
    }

    private static Gen<ActivityEvent> joins() {
        return guilds().zip(members(), instants(), MemberJoined::new);
    }

    private static Gen<ActivityEvent> leaves() {
        return guilds().zip(members(), instants(), MemberLeft::new);
    }

    private static Gen<ActivityEvent> voiceJoins() {
        return guilds().zip(channels(), members(), instants(), VoiceJoined::new);
    }

    /** Voice sessions of whole seconds (0 s to 3 h), so that each second falls in exactly one hour. */
    private static Gen<ActivityEvent> voiceTime() {
        return guilds().zip(channels(), members(), instants(), integers().between(0, 3 * 3600),
                (guild, channel, member, start, seconds) -> {
                    Instant from = start.truncatedTo(ChronoUnit.SECONDS);
                    return new VoiceTime(guild, channel, member, from, from.plusSeconds(seconds));
                });
    }

    // ================================================================ the brute-force reference

    /** Counts straight from the raw events, with the period and retention rules written out longhand. */
    static final class Reference {
        private final List<ActivityEvent> events;
        private final Instant sweptAt;
        private final Retention shortRetention;

        Reference(List<ActivityEvent> events, Instant sweptAt, Retention shortRetention) {
            this.events = events;
            this.sweptAt = sweptAt;
            this.shortRetention = shortRetention;
        }

        /** False when a row of this unit starting at {@code start} was swept away. */
        private boolean retained(long guild, Instant start, ChronoUnit unit, boolean memberHour) {
            if (sweptAt == null) {
                return true;
            }
            Duration metrics = Duration.ofDays(guild == SHORT_RETENTION_GUILD ? shortRetention.metricsDays() : Retention.DEFAULT.metricsDays());
            // member-hour rows: 49 hours, but never longer than the guild's metrics retention
            Duration keep = memberHour && metrics.compareTo(Duration.ofHours(49)) > 0 ? Duration.ofHours(49) : metrics;
            return start.truncatedTo(unit).plus(keep).isAfter(sweptAt);
        }

        private static boolean inPeriod(Instant at, Period period) {
            Instant hourStart = NOW.truncatedTo(ChronoUnit.HOURS);
            Instant dayStart = NOW.truncatedTo(ChronoUnit.DAYS);
            return switch (period) {
                case LAST_24_HOURS -> !at.isBefore(hourStart.minus(Duration.ofHours(23))) && at.isBefore(hourStart.plus(Duration.ofHours(1)));
                case LAST_7_DAYS -> !at.isBefore(dayStart.minus(Duration.ofDays(6))) && at.isBefore(dayStart.plus(Duration.ofDays(1)));
                case LAST_30_DAYS -> !at.isBefore(dayStart.minus(Duration.ofDays(29))) && at.isBefore(dayStart.plus(Duration.ofDays(1)));
                case ALL_TIME -> at.isBefore(dayStart.plus(Duration.ofDays(1)));
            };
        }

        List<MemberCount> leaderboard(long guild, long channel, Counter counter, Period period) {
            Map<Long, Long> counts = new HashMap<>();
            for (ActivityEvent event : events) {
                long eventChannel;
                long member;
                if (counter == Counter.MESSAGES && event instanceof MessagePosted m) {
                    eventChannel = m.channelId();
                    member = m.memberId();
                } else if (counter == Counter.REACTIONS && event instanceof ReactionAdded r) {
                    eventChannel = r.channelId();
                    member = r.memberId();
                } else {
                    continue;
                }
                boolean hourly = period == Period.LAST_24_HOURS;
                if (event.guildId() == guild && (channel == BucketKey.ALL_CHANNELS || channel == eventChannel)
                        && inPeriod(event.at(), period)
                        && retained(guild, event.at(), hourly ? ChronoUnit.HOURS : ChronoUnit.DAYS, hourly)) {
                    counts.merge(member, 1L, Long::sum);
                }
            }
            List<MemberCount> board = new ArrayList<>();
            counts.forEach((member, count) -> board.add(new MemberCount(member, count)));
            board.sort(Comparator.comparingLong(MemberCount::count).reversed().thenComparingLong(MemberCount::memberId));
            return board;
        }

        /** Counters per hour start of one channel (or the guild-wide row), after the sweep. */
        Map<Instant, Map<Counter, Long>> hourly(long guild, long channel) {
            Map<Instant, Map<Counter, Long>> hours = new TreeMap<>();
            for (ActivityEvent event : events) {
                if (event.guildId() != guild) {
                    continue;
                }
                if (event instanceof MessagePosted m && m.channelId() == channel) {
                    count(hours, m.at(), Counter.MESSAGES, 1);
                } else if (event instanceof ReactionAdded r && r.channelId() == channel) {
                    count(hours, r.at(), Counter.REACTIONS, 1);
                } else if (event instanceof MessagesDeleted d && d.channelId() == channel) {
                    count(hours, d.at(), Counter.DELETIONS, d.count());
                } else if (event instanceof MemberJoined j && channel == BucketKey.GUILD_WIDE) {
                    count(hours, j.at(), Counter.JOINS, 1);
                } else if (event instanceof MemberLeft l && channel == BucketKey.GUILD_WIDE) {
                    count(hours, l.at(), Counter.LEAVES, 1);
                } else if (event instanceof VoiceJoined v && v.channelId() == channel) {
                    count(hours, v.at(), Counter.VOICE_JOINS, 1);
                } else if (event instanceof VoiceTime v && v.channelId() == channel) {
                    for (Instant second = v.from(); second.isBefore(v.at()); second = second.plusSeconds(1)) {
                        count(hours, second, Counter.VOICE_SECONDS, 1);
                    }
                }
            }
            hours.keySet().removeIf(hour -> !retained(guild, hour, ChronoUnit.HOURS, false));
            return hours;
        }

        private static void count(Map<Instant, Map<Counter, Long>> hours, Instant at, Counter counter, long n) {
            hours.computeIfAbsent(at.truncatedTo(ChronoUnit.HOURS), h -> new EnumMap<>(Counter.class)).merge(counter, n, Long::sum);
        }

        Map<Instant, Map<Counter, Long>> joinsAndLeavesPerDay(long guild) {
            Map<Instant, Map<Counter, Long>> days = new TreeMap<>();
            for (ActivityEvent event : events) {
                Counter counter = event instanceof MemberJoined ? Counter.JOINS : event instanceof MemberLeft ? Counter.LEAVES : null;
                if (counter != null && event.guildId() == guild && retained(guild, event.at(), ChronoUnit.HOURS, false)) {
                    days.computeIfAbsent(event.at().truncatedTo(ChronoUnit.DAYS), d -> new EnumMap<>(Counter.class))
                            .merge(counter, 1L, Long::sum);
                }
            }
            return days;
        }

        List<KeyCount> emojiTotals(long guild, TimeWindow days) {
            Map<String, Long> counts = new HashMap<>();
            for (ActivityEvent event : events) {
                if (event instanceof ReactionAdded r && r.guildId() == guild
                        && days.contains(r.at().truncatedTo(ChronoUnit.DAYS)) && retained(guild, r.at(), ChronoUnit.DAYS, false)) {
                    counts.merge(r.emoji(), 1L, Long::sum);
                }
            }
            List<KeyCount> totals = new ArrayList<>();
            counts.forEach((emoji, count) -> totals.add(new KeyCount(emoji, count)));
            totals.sort(Comparator.comparingLong(KeyCount::count).reversed()
                    .thenComparing(KeyCount::key, (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray())));
            return totals;
        }

        List<KeyCount> channelTotals(long guild, Counter counter, TimeWindow hours) {
            Map<Long, Long> counts = new HashMap<>();
            for (ActivityEvent event : events) {
                if (event.guildId() != guild || !hours.contains(event.at().truncatedTo(ChronoUnit.HOURS))
                        || !retained(guild, event.at(), ChronoUnit.HOURS, false)) {
                    continue;
                }
                if (counter == Counter.MESSAGES && event instanceof MessagePosted m) {
                    counts.merge(m.channelId(), 1L, Long::sum);
                } else if (counter == Counter.DELETIONS && event instanceof MessagesDeleted d) {
                    counts.merge(d.channelId(), (long) d.count(), Long::sum);
                }
            }
            List<Map.Entry<Long, Long>> entries = new ArrayList<>(counts.entrySet());
            entries.sort(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            return entries.stream().map(e -> new KeyCount(Long.toString(e.getKey()), e.getValue())).toList();
        }
    }
}
