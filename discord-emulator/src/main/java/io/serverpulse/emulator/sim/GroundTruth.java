package io.serverpulse.emulator.sim;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.emulator.timeline.TimelineEvent.MemberAdd;
import io.serverpulse.emulator.timeline.TimelineEvent.MemberRemove;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageCreate;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageDelete;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageDeleteBulk;
import io.serverpulse.emulator.timeline.TimelineEvent.ReactionAdd;
import io.serverpulse.emulator.timeline.TimelineEvent.VoiceStateUpdate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What really happened in a timeline, counted directly from its events into the same buckets the
 * bot keeps ({@link BucketKey}), so a test can compare what the bot stored and posted with the
 * truth. It does not use {@code MetricAggregator}; a cross-check test proves both count alike.
 *
 * <p>What is counted where (the bot's semantics):
 * <ul>
 *   <li>A message counts for its author, at its creation time, in the channel-hour, and in the
 *       member-hour and member-day buckets of its channel and of {@link BucketKey#ALL_CHANNELS}.</li>
 *   <li>A reaction counts for the member who reacted, in the same buckets as a message, plus the
 *       emoji-day bucket of its emoji (a unicode emoji, or {@code name:id}).</li>
 *   <li>Messages and reactions count only in collected channels, and not when a bot posted or
 *       reacted, unless {@code countBots}. A user is a bot if a community lists them as one, if they
 *       joined as one, or if they posted a message flagged {@code bot}.</li>
 *   <li>A deletion counts in the channel-hour of the deletion (not of the deleted message), in
 *       collected channels only, whoever wrote the message (the bot cannot know); a bulk delete
 *       counts every message id it carries.</li>
 *   <li>Joins and leaves count guild-wide ({@link BucketKey#GUILD_WIDE}) in the hour they happen,
 *       bots included.</li>
 *   <li>Voice counts in every voice channel, bots included. A voice state update to a channel is a
 *       voice join of that channel (a move is a join of the new channel); an update to the channel
 *       the member is already in changes nothing. Voice seconds run from each join or move to the
 *       member's next move or leave, split on UTC hour boundaries, each hour's part truncated to
 *       whole seconds, in the channel-hour and in the member's all-channel member-hour and member-day
 *       buckets. A session still open at the end is counted up to {@code openSessionsEnd}.</li>
 *   <li>Sentiment, only when asked for ({@code sentimentGuilds}): a message counted as above, in a
 *       guild that opted in, adds one to the {@code SENTIMENT_*} counter of its channel-hour that
 *       matches its text's human-assigned {@linkplain MessageCorpus#mood mood}. Without
 *       {@code sentimentGuilds} no bucket has a sentiment counter.</li>
 *   <li>A member who opted out ({@link OptOut}) is not counted from that instant on: none of their
 *       messages, reactions (nor their emoji or sentiment counts) and voice joins; a voice session of
 *       theirs open at that instant counts up to the last UTC hour boundary before it (where the
 *       collector's hourly cut last counted it); their joins and leaves still count, as they hold no
 *       member id.</li>
 * </ul>
 */
public final class GroundTruth {

    /** A member not counted in a guild from {@code from} on ({@code /privacy opt-out}). */
    public record OptOut(long guildId, long memberId, Instant from) {
        public OptOut {
            Objects.requireNonNull(from, "from");
        }

        boolean covers(long guild, long member, Instant at) {
            return guild == guildId && member == memberId && !at.isBefore(from);
        }
    }

    private static final Comparator<MemberCount> RANKING =
            Comparator.comparingLong(MemberCount::count).reversed().thenComparingLong(MemberCount::memberId);

    private final Map<BucketKey, Map<Counter, Long>> buckets;
    private final List<Incident> incidents;
    private final List<MemberEvent> memberEvents;

    private GroundTruth(Map<BucketKey, Map<Counter, Long>> buckets, List<Incident> incidents, List<MemberEvent> memberEvents) {
        this.buckets = buckets;
        this.incidents = List.copyOf(incidents);
        this.memberEvents = List.copyOf(memberEvents);
    }

    /**
     * The truth for a timeline with no known incidents; voice sessions still open are counted up to
     * the last event.
     */
    public static GroundTruth compute(List<Community> communities, List<TimelineEvent> events, Set<Long> collectedChannels,
                                      boolean countBots) {
        Instant last = events.isEmpty() ? Instant.EPOCH : events.get(events.size() - 1).at();
        return compute(communities, events, collectedChannels, countBots, last, List.of());
    }

    /**
     * @param communities the guilds as they were at the start (their members' bot flags matter)
     * @param events the timeline, in time order
     * @param collectedChannels the text channels the bot collects
     * @param countBots whether the bot is configured to count bots' messages and reactions
     * @param openSessionsEnd where a voice session still open at the end of the timeline stops counting
     * @param incidents the incidents that really happened
     */
    public static GroundTruth compute(List<Community> communities, List<TimelineEvent> events, Set<Long> collectedChannels,
                                      boolean countBots, Instant openSessionsEnd, List<Incident> incidents) {
        return compute(communities, events, collectedChannels, countBots, openSessionsEnd, incidents, Set.of());
    }

    /**
     * As {@link #compute(List, List, Set, boolean, Instant, List)}, with sentiment counts for the
     * messages of the guilds in {@code sentimentGuilds}.
     *
     * @param sentimentGuilds the guilds that opted in to sentiment counts (with the bot allowed to
     *     read message content); their messages must carry {@link MessageCorpus} sentences
     * @throws IllegalArgumentException if a message to be scored is not a corpus sentence
     */
    public static GroundTruth compute(List<Community> communities, List<TimelineEvent> events, Set<Long> collectedChannels,
                                      boolean countBots, Instant openSessionsEnd, List<Incident> incidents,
                                      Set<Long> sentimentGuilds) {
        return compute(communities, events, collectedChannels, countBots, openSessionsEnd, incidents, sentimentGuilds, List.of());
    }

    /** As above, without what members who opted out did from their opt-out on ({@link OptOut}). */
    public static GroundTruth compute(List<Community> communities, List<TimelineEvent> events, Set<Long> collectedChannels,
                                      boolean countBots, Instant openSessionsEnd, List<Incident> incidents,
                                      Set<Long> sentimentGuilds, List<OptOut> optOuts) {
        Objects.requireNonNull(openSessionsEnd, "openSessionsEnd");
        Objects.requireNonNull(optOuts, "optOuts");
        Objects.requireNonNull(sentimentGuilds, "sentimentGuilds");
        MessageCorpus corpus = MessageCorpus.standard();
        Set<Long> bots = Bots.ids(communities, events);
        Tally tally = new Tally();
        Map<VoiceKey, Session> sessions = new LinkedHashMap<>();
        List<OptOut> pendingCuts = new ArrayList<>(optOuts);
        List<MemberEvent> memberEvents = new ArrayList<>();
        for (TimelineEvent event : events) {
            // a voice session open when its member opted out counts up to the hour boundary before the opt-out
            for (java.util.Iterator<OptOut> it = pendingCuts.iterator(); it.hasNext(); ) {
                OptOut optOut = it.next();
                if (!event.at().isBefore(optOut.from())) {
                    Session open = sessions.remove(new VoiceKey(optOut.guildId(), optOut.memberId()));
                    Instant cut = optOut.from().truncatedTo(ChronoUnit.HOURS);
                    if (open != null && cut.isAfter(open.since())) {
                        tally.voiceSeconds(optOut.guildId(), open.channelId(), open.userId(), open.since(), cut);
                    }
                    it.remove();
                }
            }
            if (excluded(optOuts, event)) {
                continue;
            }
            if (event instanceof MessageCreate m) {
                if (collectedChannels.contains(m.channelId()) && (countBots || !m.bot())) {
                    tally.memberActivity(m.guildId(), m.channelId(), m.authorId(), m.at(), Counter.MESSAGES);
                    if (sentimentGuilds.contains(m.guildId())) {
                        tally.add(BucketKey.channelHour(m.guildId(), m.channelId(), m.at()),
                                corpus.mood(m.content()).counter(), 1);
                    }
                }
            } else if (event instanceof ReactionAdd r) {
                if (collectedChannels.contains(r.channelId()) && (countBots || !bots.contains(r.userId()))) {
                    tally.memberActivity(r.guildId(), r.channelId(), r.userId(), r.at(), Counter.REACTIONS);
                    tally.add(BucketKey.emojiDay(r.guildId(), r.emoji(), r.at()), Counter.REACTIONS, 1);
                }
            } else if (event instanceof MessageDelete d) {
                if (collectedChannels.contains(d.channelId())) {
                    tally.add(BucketKey.channelHour(d.guildId(), d.channelId(), d.at()), Counter.DELETIONS, 1);
                }
            } else if (event instanceof MessageDeleteBulk b) {
                if (collectedChannels.contains(b.channelId())) {
                    tally.add(BucketKey.channelHour(b.guildId(), b.channelId(), b.at()), Counter.DELETIONS,
                            b.messageIds().size());
                }
            } else if (event instanceof MemberAdd j) {
                tally.add(BucketKey.channelHour(j.guildId(), BucketKey.GUILD_WIDE, j.at()), Counter.JOINS, 1);
                memberEvents.add(new MemberEvent(j.guildId(), j.userId(), MemberEvent.Kind.JOIN, j.at()));
            } else if (event instanceof MemberRemove l) {
                tally.add(BucketKey.channelHour(l.guildId(), BucketKey.GUILD_WIDE, l.at()), Counter.LEAVES, 1);
                memberEvents.add(new MemberEvent(l.guildId(), l.userId(), MemberEvent.Kind.LEAVE, l.at()));
            } else if (event instanceof VoiceStateUpdate v) {
                VoiceKey who = new VoiceKey(v.guildId(), v.userId());
                Session open = sessions.get(who);
                if (open != null && Objects.equals(open.channelId(), v.channelId())) {
                    continue;
                }
                if (open != null) {
                    tally.voiceSeconds(v.guildId(), open.channelId(), v.userId(), open.since(), v.at());
                    sessions.remove(who);
                }
                if (v.channelId() != null) {
                    tally.add(BucketKey.channelHour(v.guildId(), v.channelId(), v.at()), Counter.VOICE_JOINS, 1);
                    sessions.put(who, new Session(v.userId(), v.channelId(), v.at()));
                }
            } else {
                throw new IllegalArgumentException("unknown event " + event.getClass().getSimpleName());
            }
        }
        sessions.forEach((who, session) -> tally.voiceSeconds(who.guildId(), session.channelId(), session.userId(), session.since(),
                openSessionsEnd));
        return new GroundTruth(tally.frozen(), incidents, memberEvents);
    }

    /** A message, reaction or voice update by a member at or after their opt-out. */
    private static boolean excluded(List<OptOut> optOuts, TimelineEvent event) {
        for (OptOut optOut : optOuts) {
            if (event instanceof MessageCreate m && optOut.covers(m.guildId(), m.authorId(), m.at())
                    || event instanceof ReactionAdd r && optOut.covers(r.guildId(), r.userId(), r.at())
                    || event instanceof VoiceStateUpdate v && optOut.covers(v.guildId(), v.userId(), v.at())) {
                return true;
            }
        }
        return false;
    }

    // ---- raw buckets -----------------------------------------------------------------------

    /** Every non-empty bucket with its counters (all positive). */
    public Map<BucketKey, Map<Counter, Long>> buckets() {
        return buckets;
    }

    public long count(BucketKey key, Counter counter) {
        Map<Counter, Long> counters = buckets.get(key);
        return counters == null ? 0 : counters.getOrDefault(counter, 0L);
    }

    public List<Incident> incidents() {
        return incidents;
    }

    /** Every join and leave, in time order (what the bot's member event log holds). */
    public List<MemberEvent> memberEvents() {
        return memberEvents;
    }

    /**
     * What a digest of {@code period} must say for the guild of {@code settings}, counted from the truth's
     * buckets and joins by the rules of {@code DigestPeriod} (see {@link DigestTruth}); the alerts are those of
     * {@code storedAlerts} that belong to the guild and started in the period.
     */
    public DigestReport digest(GuildSettings settings, DigestPeriod period, List<AlertRecord> storedAlerts) {
        return DigestTruth.of(buckets, memberEvents, settings, period, storedAlerts);
    }

    // ---- the store's reads, answered from the truth ----------------------------------------

    /** As {@code MetricsStore.topMembers}: highest count first, ties by member id ascending, zero counts omitted. */
    public List<MemberCount> topMembers(LeaderboardQuery query) {
        TimeWindow window = query.window();
        BucketKind kind = query.period().memberBuckets();
        Map<Long, Long> totals = new HashMap<>();
        buckets.forEach((key, counters) -> {
            if (key.kind() == kind && key.guildId() == query.guildId() && key.channelId() == query.channelId()
                    && window.contains(key.start())) {
                long value = counters.getOrDefault(query.counter(), 0L);
                if (value > 0) {
                    totals.merge(key.memberId(), value, Long::sum);
                }
            }
        });
        return totals.entrySet().stream().map(e -> new MemberCount(e.getKey(), e.getValue()))
                .sorted(RANKING).limit(query.limit()).toList();
    }

    /** Top members by messages in {@code channelId} ({@link BucketKey#ALL_CHANNELS} for the whole guild). */
    public List<MemberCount> leaderboard(long guildId, long channelId, Period period, Instant now, int limit) {
        return topMembers(LeaderboardQuery.messages(guildId, channelId, period, now, limit));
    }

    /**
     * As {@code MetricsStore.buckets}: rows of one kind for a guild whose start is in the window,
     * ordered by start then row id.
     *
     * @param channelId a channel, or {@code null} for every channel (and the guild-wide row)
     * @param memberId a member, or {@code null} for every member
     */
    public List<BucketRow> buckets(BucketKind kind, long guildId, Long channelId, Long memberId, TimeWindow window) {
        List<BucketRow> rows = new ArrayList<>();
        buckets.forEach((key, counters) -> {
            if (key.kind() == kind && key.guildId() == guildId && window.contains(key.start())
                    && (channelId == null || key.channelId() == channelId)
                    && (memberId == null || key.memberId() == memberId)) {
                rows.add(new BucketRow(key, counters));
            }
        });
        rows.sort(Comparator.comparing((BucketRow r) -> r.key().start()).thenComparing(r -> r.key().id()));
        return rows;
    }

    /**
     * As {@code MetricsStore.totals}: totals of {@code counter} per channel ({@link BucketKind#CHANNEL_HOUR},
     * guild-wide row excluded) or per emoji ({@link BucketKind#EMOJI_DAY}), highest first, ties by key.
     */
    public List<KeyCount> totals(BucketKind kind, long guildId, Counter counter, TimeWindow window, int limit) {
        if (kind != BucketKind.CHANNEL_HOUR && kind != BucketKind.EMOJI_DAY) {
            throw new IllegalArgumentException("totals are per channel or per emoji, not " + kind);
        }
        Map<String, Long> totals = new HashMap<>();
        buckets.forEach((key, counters) -> {
            if (key.kind() == kind && key.guildId() == guildId && window.contains(key.start())
                    && !(kind == BucketKind.CHANNEL_HOUR && key.channelId() == BucketKey.GUILD_WIDE)) {
                long value = counters.getOrDefault(counter, 0L);
                if (value > 0) {
                    totals.merge(kind == BucketKind.EMOJI_DAY ? key.emoji() : Long.toString(key.channelId()), value, Long::sum);
                }
            }
        });
        return totals.entrySet().stream().map(e -> new KeyCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(KeyCount::count).reversed().thenComparing(KeyCount::key))
                .limit(limit).toList();
    }

    // ---- convenience -----------------------------------------------------------------------

    /** Messages a member posted on a UTC day, in every collected channel. */
    public long messages(long guildId, long memberId, LocalDate day) {
        return count(BucketKey.memberDay(guildId, BucketKey.ALL_CHANNELS, memberId, startOf(day)), Counter.MESSAGES);
    }

    /** Messages per member on a UTC day, in every collected channel. */
    public Map<Long, Long> messagesPerMember(long guildId, LocalDate day) {
        Instant start = startOf(day);
        Map<Long, Long> out = new TreeMap<>();
        buckets.forEach((key, counters) -> {
            if (key.kind() == BucketKind.MEMBER_DAY && key.guildId() == guildId && key.channelId() == BucketKey.ALL_CHANNELS
                    && key.start().equals(start) && counters.containsKey(Counter.MESSAGES)) {
                out.put(key.memberId(), counters.get(Counter.MESSAGES));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** One counter of a channel in the UTC hour containing {@code hour}. */
    public long channelHour(long guildId, long channelId, Instant hour, Counter counter) {
        return count(BucketKey.channelHour(guildId, channelId, hour), counter);
    }

    /** One counter of a channel (or {@link BucketKey#GUILD_WIDE}) hour by hour; hours without any are left out. */
    public SortedMap<Instant, Long> perHour(long guildId, long channelId, Counter counter) {
        SortedMap<Instant, Long> out = new TreeMap<>();
        buckets.forEach((key, counters) -> {
            if (key.kind() == BucketKind.CHANNEL_HOUR && key.guildId() == guildId && key.channelId() == channelId
                    && counters.containsKey(counter)) {
                out.put(key.start(), counters.get(counter));
            }
        });
        return Collections.unmodifiableSortedMap(out);
    }

    public long joins(long guildId, LocalDate day) {
        return guildWideOn(guildId, day, Counter.JOINS);
    }

    public long leaves(long guildId, LocalDate day) {
        return guildWideOn(guildId, day, Counter.LEAVES);
    }

    /** Joins per UTC day; days without joins are left out. */
    public SortedMap<LocalDate, Long> joinsPerDay(long guildId) {
        return perDay(guildId, BucketKey.GUILD_WIDE, Counter.JOINS);
    }

    /** Leaves per UTC day; days without leaves are left out. */
    public SortedMap<LocalDate, Long> leavesPerDay(long guildId) {
        return perDay(guildId, BucketKey.GUILD_WIDE, Counter.LEAVES);
    }

    /** A counter summed over all of a guild's channel-hour buckets (messages, deletions, joins, voice seconds ...). */
    public long total(long guildId, Counter counter) {
        long sum = 0;
        for (Map.Entry<BucketKey, Map<Counter, Long>> e : buckets.entrySet()) {
            if (e.getKey().kind() == BucketKind.CHANNEL_HOUR && e.getKey().guildId() == guildId) {
                sum += e.getValue().getOrDefault(counter, 0L);
            }
        }
        return sum;
    }

    private long guildWideOn(long guildId, LocalDate day, Counter counter) {
        return perDay(guildId, BucketKey.GUILD_WIDE, counter).getOrDefault(day, 0L);
    }

    private SortedMap<LocalDate, Long> perDay(long guildId, long channelId, Counter counter) {
        SortedMap<LocalDate, Long> out = new TreeMap<>();
        perHour(guildId, channelId, counter).forEach((hour, value) ->
                out.merge(LocalDate.ofInstant(hour, ZoneOffset.UTC), value, Long::sum));
        return Collections.unmodifiableSortedMap(out);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    // ---- counting --------------------------------------------------------------------------

    private record VoiceKey(long guildId, long userId) {
    }

    private record Session(long userId, Long channelId, Instant since) {
    }

    private static final class Tally {
        private final Map<BucketKey, EnumMap<Counter, Long>> counts = new HashMap<>();

        void add(BucketKey key, Counter counter, long delta) {
            if (delta > 0) {
                counts.computeIfAbsent(key, k -> new EnumMap<>(Counter.class)).merge(counter, delta, Long::sum);
            }
        }

        void memberActivity(long guildId, long channelId, long memberId, Instant at, Counter counter) {
            add(BucketKey.channelHour(guildId, channelId, at), counter, 1);
            for (long channel : new long[] {channelId, BucketKey.ALL_CHANNELS}) {
                add(BucketKey.memberHour(guildId, channel, memberId, at), counter, 1);
                add(BucketKey.memberDay(guildId, channel, memberId, at), counter, 1);
            }
        }

        /**
         * Whole seconds of {@code [from, to)} in each UTC hour it touches, each hour's part truncated: in the
         * channel's hour, and in the member's all-channel member-hour and member-day.
         */
        void voiceSeconds(long guildId, long channelId, long memberId, Instant from, Instant to) {
            for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
                Instant next = hour.plus(Duration.ofHours(1));
                Instant segmentStart = from.isAfter(hour) ? from : hour;
                Instant segmentEnd = to.isBefore(next) ? to : next;
                if (segmentEnd.isAfter(segmentStart)) {
                    long seconds = Duration.between(segmentStart, segmentEnd).toSeconds();
                    add(BucketKey.channelHour(guildId, channelId, hour), Counter.VOICE_SECONDS, seconds);
                    add(BucketKey.memberHour(guildId, BucketKey.ALL_CHANNELS, memberId, hour), Counter.VOICE_SECONDS, seconds);
                    add(BucketKey.memberDay(guildId, BucketKey.ALL_CHANNELS, memberId, hour), Counter.VOICE_SECONDS, seconds);
                }
            }
        }

        Map<BucketKey, Map<Counter, Long>> frozen() {
            Map<BucketKey, Map<Counter, Long>> out = new HashMap<>(counts.size() * 2);
            counts.forEach((key, counters) -> out.put(key, Collections.unmodifiableMap(counters)));
            return Collections.unmodifiableMap(out);
        }
    }
}
