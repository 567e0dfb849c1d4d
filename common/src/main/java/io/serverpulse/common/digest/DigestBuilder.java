package io.serverpulse.common.digest;

import io.serverpulse.common.alerts.AlertStore;
import io.serverpulse.common.digest.DigestReport.ChannelCount;
import io.serverpulse.common.digest.DigestReport.Heatmap;
import io.serverpulse.common.digest.DigestReport.NewMembers;
import io.serverpulse.common.digest.DigestReport.Peak;
import io.serverpulse.common.digest.DigestReport.Sentiment;
import io.serverpulse.common.digest.DigestReport.Totals;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.members.MemberEventStore;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.privacy.OptOutStore;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.privacy.VisibleMembers;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link DigestReport} from the stored buckets only: six reads (channel hours, members, opt-outs, emoji,
 * member events, alerts), whose cost grows with the guild's channels, hours and active members, never with messages. See {@link DigestPeriod} for which
 * buckets serve which figure.
 */
public final class DigestBuilder {

    /** How many members, channels, voice members and emoji a digest lists. */
    public static final int TOP = 5;

    private static final int MESSAGES = 0;
    private static final int VOICE = 1;

    private final MetricsStore metrics;
    private final MemberEventStore memberEvents;
    private final AlertStore alerts;
    private final OptOutStore optOuts;

    /** @param optOuts members who opted out ({@code /privacy opt-out}) are never named in a digest */
    public DigestBuilder(MetricsStore metrics, MemberEventStore memberEvents, AlertStore alerts, OptOutStore optOuts) {
        this.metrics = metrics;
        this.memberEvents = memberEvents;
        this.alerts = alerts;
        this.optOuts = optOuts;
    }

    /** The digest of {@code period} for the guild of {@code settings} (its sentiment opt-in decides that part). */
    public DigestReport build(GuildSettings settings, DigestPeriod period) {
        long guild = settings.guildId();
        // one read per kind of bucket for both periods (the previous one ends where this one starts)
        List<BucketRow> bothHours = metrics.buckets(BucketKind.CHANNEL_HOUR, guild, null, null,
                new TimeWindow(period.previousHours().from(), period.hours().to()));
        List<BucketRow> hours = in(bothHours, period.hours());
        List<BucketRow> previousHours = in(bothHours, period.previousHours());
        List<BucketRow> bothMembers = metrics.buckets(period.memberKind(), guild, BucketKey.ALL_CHANNELS, null,
                new TimeWindow(period.previousMembers().from(), period.members().to()));
        Map<Long, long[]> members = perMember(in(bothMembers, period.members()));
        Map<Long, long[]> previousMembers = perMember(in(bothMembers, period.previousMembers()));
        Heatmap heatmap = heatmap(hours, period);
        Set<Long> hidden = optOuts.optedOut(guild);
        return new DigestReport(guild, period,
                totals(hours, members.size()),
                totals(previousHours, previousMembers.size()),
                top(members, MESSAGES, hidden),
                channels(hours, previousHours),
                top(members, VOICE, hidden),
                metrics.totals(BucketKind.EMOJI_DAY, guild, Counter.REACTIONS, period.days(), TOP),
                heatmap,
                peak(heatmap, period),
                series(hours, period.hours(), period),
                series(previousHours, period.previousHours(), period),
                newMembers(memberEvents.memberEvents(guild, period.previousHours()), members.keySet()),
                alerts.alerts(guild, period.hours()),
                settings.sentimentEnabled() ? Optional.of(sentiment(hours)) : Optional.empty());
    }

    private static List<BucketRow> in(List<BucketRow> rows, TimeWindow window) {
        return rows.stream().filter(row -> window.contains(row.key().start())).toList();
    }

    /** Messages and voice seconds per member (every member with a row was active). */
    private static Map<Long, long[]> perMember(List<BucketRow> rows) {
        Map<Long, long[]> members = new HashMap<>();
        for (BucketRow row : rows) {
            long[] sums = members.computeIfAbsent(row.key().memberId(), id -> new long[2]);
            sums[MESSAGES] += row.get(Counter.MESSAGES);
            sums[VOICE] += row.get(Counter.VOICE_SECONDS);
        }
        return members;
    }

    /** The members with most of {@code what}, never one of {@code hidden} (their counts stay in the totals). */
    private static List<MemberCount> top(Map<Long, long[]> members, int what, Set<Long> hidden) {
        List<MemberCount> all = new ArrayList<>();
        members.forEach((id, sums) -> {
            if (sums[what] > 0) {
                all.add(new MemberCount(id, sums[what]));
            }
        });
        all.sort(MemberCount.RANKING);
        return VisibleMembers.without(all, hidden, TOP);
    }

    private static Totals totals(List<BucketRow> hours, long activeMembers) {
        long messages = 0;
        long reactions = 0;
        long voice = 0;
        long joins = 0;
        long leaves = 0;
        for (BucketRow row : hours) {
            messages += row.get(Counter.MESSAGES);
            reactions += row.get(Counter.REACTIONS);
            voice += row.get(Counter.VOICE_SECONDS);
            joins += row.get(Counter.JOINS);
            leaves += row.get(Counter.LEAVES);
        }
        return new Totals(messages, reactions, activeMembers, voice, joins, leaves);
    }

    private static List<ChannelCount> channels(List<BucketRow> hours, List<BucketRow> previousHours) {
        Map<Long, long[]> counts = new HashMap<>();
        for (BucketRow row : hours) {
            add(counts, row, 0);
        }
        for (BucketRow row : previousHours) {
            add(counts, row, 1);
        }
        List<ChannelCount> channels = new ArrayList<>();
        counts.forEach((id, c) -> channels.add(new ChannelCount(id, c[0], c[1])));
        channels.sort(Comparator.comparingLong(ChannelCount::messages).reversed().thenComparingLong(ChannelCount::channelId));
        return channels;
    }

    private static void add(Map<Long, long[]> counts, BucketRow row, int index) {
        long messages = row.get(Counter.MESSAGES);
        if (row.key().channelId() != BucketKey.GUILD_WIDE && messages > 0) {
            counts.computeIfAbsent(row.key().channelId(), id -> new long[2])[index] += messages;
        }
    }

    private static Heatmap heatmap(List<BucketRow> hours, DigestPeriod period) {
        long[] cells = new long[Heatmap.DAYS * Heatmap.HOURS];
        for (BucketRow row : hours) {
            long messages = row.get(Counter.MESSAGES);
            if (messages > 0) {
                ZonedDateTime local = row.key().start().atZone(period.zone());
                cells[(local.getDayOfWeek().getValue() - 1) * Heatmap.HOURS + local.getHour()] += messages;
            }
        }
        return new Heatmap(Arrays.stream(cells).boxed().toList());
    }

    /** The fullest cell, the earliest in the week on a tie; starting at the zone's minutes past the UTC hour. */
    private static Optional<Peak> peak(Heatmap heatmap, DigestPeriod period) {
        int best = -1;
        for (int i = 0; i < heatmap.cells().size(); i++) {
            if (heatmap.cells().get(i) > 0 && (best < 0 || heatmap.cells().get(i) > heatmap.cells().get(best))) {
                best = i;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        int minutes = Math.floorMod(period.zone().getRules().getOffset(period.hours().from()).getTotalSeconds() / 60, 60);
        return Optional.of(new Peak(java.time.DayOfWeek.of(best / Heatmap.HOURS + 1), LocalTime.of(best % Heatmap.HOURS, minutes),
                heatmap.cells().get(best)));
    }

    /** Messages per step (local hour, or local day) from the window's start. */
    static List<Long> series(List<BucketRow> rows, TimeWindow window, DigestPeriod period) {
        long[] steps = new long[steps(window, period)];
        LocalDate firstDay = LocalDate.ofInstant(window.from(), period.zone());
        for (BucketRow row : rows) {
            long messages = row.get(Counter.MESSAGES);
            if (messages > 0) {
                int index = stepIndex(row.key().start(), window, firstDay, period);
                if (index >= 0 && index < steps.length) {
                    steps[index] += messages;
                }
            }
        }
        return Arrays.stream(steps).boxed().toList();
    }

    static int steps(TimeWindow window, DigestPeriod period) {
        if (period.kind().step() == ChronoUnit.HOURS) {
            return (int) Duration.between(window.from(), window.to()).toHours();
        }
        return (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(window.from(), period.zone()),
                LocalDate.ofInstant(window.to(), period.zone()));
    }

    private static int stepIndex(Instant start, TimeWindow window, LocalDate firstDay, DigestPeriod period) {
        if (period.kind().step() == ChronoUnit.HOURS) {
            return (int) Duration.between(window.from(), start).toHours();
        }
        return (int) ChronoUnit.DAYS.between(firstDay, LocalDate.ofInstant(start, period.zone()));
    }

    /** Of the members who joined in the previous period, those with any activity in this one. */
    private static NewMembers newMembers(List<MemberEvent> previousEvents, Set<Long> activeNow) {
        Set<Long> joined = new HashSet<>();
        for (MemberEvent event : previousEvents) {
            if (event.kind() == MemberEvent.Kind.JOIN) {
                joined.add(event.memberId());
            }
        }
        long active = joined.stream().filter(activeNow::contains).count();
        return joined.isEmpty() ? NewMembers.NONE : new NewMembers(joined.size(), active);
    }

    private static Sentiment sentiment(List<BucketRow> hours) {
        long positive = 0;
        long neutral = 0;
        long negative = 0;
        for (BucketRow row : hours) {
            positive += row.get(Counter.SENTIMENT_POSITIVE);
            neutral += row.get(Counter.SENTIMENT_NEUTRAL);
            negative += row.get(Counter.SENTIMENT_NEGATIVE);
        }
        return new Sentiment(positive, neutral, negative);
    }
}
