package io.serverpulse.emulator.sim;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.digest.DigestReport.ChannelCount;
import io.serverpulse.common.digest.DigestReport.Heatmap;
import io.serverpulse.common.digest.DigestReport.NewMembers;
import io.serverpulse.common.digest.DigestReport.Peak;
import io.serverpulse.common.digest.DigestReport.Sentiment;
import io.serverpulse.common.digest.DigestReport.Totals;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a digest must say, counted straight from the ground truth's buckets and joins, rule by rule as
 * {@code DigestPeriod} documents them (its own code, not {@code DigestBuilder}'s): hour figures from the
 * channel-hours that start in the period's local hours; member figures from the member's all-channel
 * day (or hour) buckets of the period's UTC days; emoji from the emoji days; a member is active with any
 * message, reaction or voice second; the busiest hour is the fullest local weekday-hour, the earliest in the
 * week on a tie; retention counts the members who joined in the previous period's hours and are active now.
 */
final class DigestTruth {

    private static final int TOP = 5;
    private static final Comparator<MemberCount> RANKING =
            Comparator.comparingLong(MemberCount::count).reversed().thenComparingLong(MemberCount::memberId);

    private DigestTruth() {
    }

    static DigestReport of(Map<BucketKey, Map<Counter, Long>> buckets, List<MemberEvent> memberEvents, GuildSettings settings,
                           DigestPeriod period, List<AlertRecord> storedAlerts) {
        long guild = settings.guildId();
        Map<BucketKey, Map<Counter, Long>> hours = select(buckets, k -> k.kind() == BucketKind.CHANNEL_HOUR
                && k.guildId() == guild && period.hours().contains(k.start()));
        Map<BucketKey, Map<Counter, Long>> before = select(buckets, k -> k.kind() == BucketKind.CHANNEL_HOUR
                && k.guildId() == guild && period.previousHours().contains(k.start()));
        Map<Long, Map<Counter, Long>> members = perMember(buckets, guild, period.memberKind(), period.members());
        Map<Long, Map<Counter, Long>> membersBefore = perMember(buckets, guild, period.memberKind(), period.previousMembers());
        List<Long> heat = heat(hours, period);
        return new DigestReport(guild, period,
                totals(hours, members.size()), totals(before, membersBefore.size()),
                ranked(members, Counter.MESSAGES), channels(hours, before), ranked(members, Counter.VOICE_SECONDS),
                emoji(buckets, guild, period.days()), new Heatmap(heat), peak(heat, period),
                series(hours, period.hours(), period), series(before, period.previousHours(), period),
                retention(memberEvents, guild, period.previousHours(), members.keySet()),
                storedAlerts.stream().filter(a -> a.guildId() == guild && period.hours().contains(a.startedAt()))
                        .sorted(Comparator.comparing(AlertRecord::startedAt)).toList(),
                settings.sentimentEnabled() ? Optional.of(new Sentiment(sum(hours, Counter.SENTIMENT_POSITIVE),
                        sum(hours, Counter.SENTIMENT_NEUTRAL), sum(hours, Counter.SENTIMENT_NEGATIVE))) : Optional.empty());
    }

    private static Map<BucketKey, Map<Counter, Long>> select(Map<BucketKey, Map<Counter, Long>> buckets, Predicate<BucketKey> which) {
        return buckets.entrySet().stream().filter(e -> which.test(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long sum(Map<BucketKey, Map<Counter, Long>> rows, Counter counter) {
        return rows.values().stream().mapToLong(c -> c.getOrDefault(counter, 0L)).sum();
    }

    private static Totals totals(Map<BucketKey, Map<Counter, Long>> hours, long active) {
        return new Totals(sum(hours, Counter.MESSAGES), sum(hours, Counter.REACTIONS), active, sum(hours, Counter.VOICE_SECONDS),
                sum(hours, Counter.JOINS), sum(hours, Counter.LEAVES));
    }

    private static Map<Long, Map<Counter, Long>> perMember(Map<BucketKey, Map<Counter, Long>> buckets, long guild, BucketKind kind,
                                                           TimeWindow window) {
        Map<Long, Map<Counter, Long>> members = new HashMap<>();
        buckets.forEach((key, counters) -> {
            if (key.kind() == kind && key.guildId() == guild && key.channelId() == BucketKey.ALL_CHANNELS && window.contains(key.start())) {
                counters.forEach((counter, value) -> members.computeIfAbsent(key.memberId(), id -> new HashMap<>())
                        .merge(counter, value, Long::sum));
            }
        });
        return members;
    }

    private static List<MemberCount> ranked(Map<Long, Map<Counter, Long>> members, Counter counter) {
        return members.entrySet().stream().filter(e -> e.getValue().getOrDefault(counter, 0L) > 0)
                .map(e -> new MemberCount(e.getKey(), e.getValue().get(counter))).sorted(RANKING).limit(TOP).toList();
    }

    private static List<ChannelCount> channels(Map<BucketKey, Map<Counter, Long>> hours, Map<BucketKey, Map<Counter, Long>> before) {
        Map<Long, Long> now = perChannel(hours);
        Map<Long, Long> then = perChannel(before);
        Set<Long> ids = new java.util.TreeSet<>(now.keySet());
        ids.addAll(then.keySet());
        return ids.stream().map(id -> new ChannelCount(id, now.getOrDefault(id, 0L), then.getOrDefault(id, 0L)))
                .sorted(Comparator.comparingLong(ChannelCount::messages).reversed().thenComparingLong(ChannelCount::channelId)).toList();
    }

    private static Map<Long, Long> perChannel(Map<BucketKey, Map<Counter, Long>> rows) {
        Map<Long, Long> channels = new HashMap<>();
        rows.forEach((key, counters) -> {
            long messages = counters.getOrDefault(Counter.MESSAGES, 0L);
            if (key.channelId() != BucketKey.GUILD_WIDE && messages > 0) {
                channels.merge(key.channelId(), messages, Long::sum);
            }
        });
        return channels;
    }

    private static List<KeyCount> emoji(Map<BucketKey, Map<Counter, Long>> buckets, long guild, TimeWindow days) {
        Map<String, Long> totals = new TreeMap<>();
        buckets.forEach((key, counters) -> {
            if (key.kind() == BucketKind.EMOJI_DAY && key.guildId() == guild && days.contains(key.start())) {
                totals.merge(key.emoji(), counters.getOrDefault(Counter.REACTIONS, 0L), Long::sum);
            }
        });
        Comparator<String> codePoints = (a, b) -> {
            int[] x = a.codePoints().toArray();
            int[] y = b.codePoints().toArray();
            return java.util.Arrays.compare(x, y);
        };
        return totals.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey, codePoints))
                .limit(TOP).map(e -> new KeyCount(e.getKey(), e.getValue())).toList();
    }

    private static List<Long> heat(Map<BucketKey, Map<Counter, Long>> hours, DigestPeriod period) {
        long[][] grid = new long[Heatmap.DAYS][Heatmap.HOURS];
        hours.forEach((key, counters) -> {
            ZonedDateTime local = key.start().atZone(period.zone());
            grid[local.getDayOfWeek().getValue() - 1][local.getHour()] += counters.getOrDefault(Counter.MESSAGES, 0L);
        });
        List<Long> cells = new ArrayList<>();
        for (long[] day : grid) {
            for (long cell : day) {
                cells.add(cell);
            }
        }
        return cells;
    }

    private static Optional<Peak> peak(List<Long> heat, DigestPeriod period) {
        long max = heat.stream().mapToLong(Long::longValue).max().orElse(0);
        if (max == 0) {
            return Optional.empty();
        }
        int cell = heat.indexOf(max);
        int minutes = Math.floorMod(period.zone().getRules().getOffset(period.hours().from()).getTotalSeconds(), 3600) / 60;
        return Optional.of(new Peak(DayOfWeek.of(cell / Heatmap.HOURS + 1), LocalTime.of(cell % Heatmap.HOURS, minutes), max));
    }

    private static List<Long> series(Map<BucketKey, Map<Counter, Long>> rows, TimeWindow window, DigestPeriod period) {
        boolean hourly = period.kind().step() == ChronoUnit.HOURS;
        LocalDate first = LocalDate.ofInstant(window.from(), period.zone());
        int size = (int) (hourly ? ChronoUnit.HOURS.between(window.from(), window.to())
                : ChronoUnit.DAYS.between(first, LocalDate.ofInstant(window.to(), period.zone())));
        Long[] steps = new Long[size];
        java.util.Arrays.fill(steps, 0L);
        rows.forEach((key, counters) -> {
            int step = (int) (hourly ? ChronoUnit.HOURS.between(window.from(), key.start())
                    : ChronoUnit.DAYS.between(first, LocalDate.ofInstant(key.start(), period.zone())));
            steps[step] += counters.getOrDefault(Counter.MESSAGES, 0L);
        });
        return List.of(steps);
    }

    private static NewMembers retention(List<MemberEvent> events, long guild, TimeWindow joinedIn, Set<Long> activeNow) {
        Set<Long> joined = events.stream().filter(e -> e.guildId() == guild && e.kind() == MemberEvent.Kind.JOIN
                && joinedIn.contains(e.at())).map(MemberEvent::memberId).collect(Collectors.toSet());
        return new NewMembers(joined.size(), joined.stream().filter(activeNow::contains).count());
    }
}
