package io.serverpulse.emulator.sim;

import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.timeline.TimelineEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a timeline from a {@link ScenarioSpec}: deterministic for a given spec.
 *
 * <p>How: the everyday actions (messages, reactions, deletions, voice sessions and moves, joins,
 * leaves) are first given a time each, drawn from every guild's hour-by-hour intensity (diurnal
 * cycle in the guild's time zone, busier weekends, activity drops); then all guilds are walked
 * together in time order, together with scheduled steps (the end of each voice session, the
 * incidents' steps), and each action becomes one event against the guild's live state (who is
 * present and in voice, which messages still exist); an action that cannot happen at its time (no
 * message to delete, nobody who can join voice) posts a message instead, so the count is exact.
 * Authors and reactors are drawn by heavy-tailed (Pareto) activity weights, channels and emojis by
 * Zipf popularity. Events are strictly ordered: two events never share a millisecond.
 */
public final class TimelineGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineGenerator.class);

    // action kinds: the first six are the indexes of ActivityMix.weights()
    static final int MESSAGE = 0;
    static final int REACTION = 1;
    static final int DELETION = 2;
    static final int VOICE = 3;
    static final int JOIN = 4;
    static final int LEAVE = 5;
    /** A voice change that is a move; {@link #VOICE} actions become a session (join, then a scheduled leave) otherwise. */
    static final int VOICE_MOVE = 6;

    /** Share of voice changes that are moves between channels. */
    private static final double MOVE_SHARE = 0.1;
    /** Voice sessions last a log-normal time: median 40 minutes, a long tail, capped at 6 hours. */
    private static final double SESSION_MEDIAN_MINUTES = 40;
    private static final double SESSION_SIGMA = 1.0;
    private static final long SESSION_MAX_MILLIS = Duration.ofHours(6).toMillis();

    /** Everyday actions stop this long before the end; voice sessions still running end in the last 30 s. */
    static final Duration QUIET_END = Duration.ofSeconds(60);
    private static final Duration CLOSING = Duration.ofSeconds(30);

    private final ScenarioSpec spec;
    private final SplittableRandom random;
    private final IdFactory ids = new IdFactory();
    private final CommunityGenerator people;
    private final List<GuildState> guilds = new ArrayList<>();
    private final List<TimelineEvent> events;
    private final PriorityQueue<Step> scheduled = new PriorityQueue<>(
            Comparator.comparingLong(Step::atMillis).thenComparingLong(Step::order));
    private final List<IncidentRecorder> incidents = new ArrayList<>();
    private final long startMillis;
    private final long endMillis;
    private long stepOrder;
    private long lastMillis = Long.MIN_VALUE;

    private TimelineGenerator(ScenarioSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        this.people = new CommunityGenerator(random.split(), ids);
        this.events = new ArrayList<>(spec.targetEvents() + 64);
        this.startMillis = spec.start().toEpochMilli();
        this.endMillis = spec.end().toEpochMilli();
    }

    public static SimulatedCommunity generate(ScenarioSpec spec) {
        long began = System.nanoTime();
        SimulatedCommunity result = new TimelineGenerator(spec).run();
        LOG.debug("generated {} events in {} guilds in {} ms", result.events().size(), result.communities().size(),
                (System.nanoTime() - began) / 1_000_000);
        return result;
    }

    private SimulatedCommunity run() {
        MessageCorpus corpus = MessageCorpus.standard();
        for (CommunitySpec guild : spec.guilds()) {
            GeneratedGuild generated = people.generate(guild, spec.start());
            guilds.add(new GuildState(generated, random.split(), ids, people, corpus, spec.activityTail()));
        }
        Segments segments = new Segments(spec.start(), spec.end().minus(QUIET_END));
        double[][] dropFactors = new double[guilds.size()][segments.count()];
        for (double[] f : dropFactors) {
            Arrays.fill(f, 1.0);
        }
        int incidentEvents = planIncidents(segments, dropFactors);
        int everyday = spec.targetEvents() - incidentEvents;
        if (everyday < 0) {
            throw new IllegalArgumentException("the incidents alone need " + incidentEvents
                    + " events, more than targetEvents " + spec.targetEvents());
        }
        long[] plan = planEveryday(everyday, segments, dropFactors);
        walk(plan);
        for (GuildState guild : guilds) {
            if (guild.inVoice() > 0) {
                throw new IllegalStateException(guild.inVoice() + " voice sessions left open in guild " + guild.guildId());
            }
        }

        List<Community> communities = guilds.stream().map(g -> g.generated().community()).toList();
        Set<Long> collected = new LinkedHashSet<>();
        guilds.forEach(g -> collected.addAll(g.generated().collectedChannelIds()));
        List<Incident> found = new ArrayList<>();
        for (IncidentRecorder recorder : incidents) {
            if (recorder.happened()) {
                found.add(recorder.build());
            } else {
                LOG.warn("{} in guild {} could not happen (nothing to act on: no messages to delete or nobody to"
                        + " join voice); it is left out of the incidents", recorder.type, recorder.guildId);
            }
        }
        found.sort(Comparator.comparing(Incident::start));
        return new SimulatedCommunity(communities, collected, events, found, spec.start(), spec.end());
    }

    // ---- planning --------------------------------------------------------------------------

    /** Turns incident specs into scheduled steps (and drop factors); returns how many events they add. */
    private int planIncidents(Segments segments, double[][] dropFactors) {
        int total = 0;
        for (IncidentSpec incident : spec.incidents()) {
            GuildState guild = guilds.get(incident.guild());
            long at = incident.at() != null ? incident.at().toEpochMilli() : randomIncidentTime();
            IncidentRecorder recorder = new IncidentRecorder(incident.type(), guild.guildId());
            incidents.add(recorder);
            if (incident instanceof IncidentSpec.JoinRaid raid) {
                long t = at;
                for (int i = 0; i < raid.joins(); i++) {
                    schedule(t, time -> recorder.saw(guild.raidJoin(time), 1));
                    t += random.nextLong(300, 1_800);
                }
                total += raid.joins();
            } else if (incident instanceof IncidentSpec.MassDeletion deletion) {
                long channel = guild.busiestCollectedChannel();
                long t = at;
                for (int i = 0; i < deletion.singleDeletes(); i++) {
                    schedule(t, time -> recorder.sawDeletion(guild.massSingleDelete(channel, time)));
                    t += random.nextLong(250, 1_200);
                }
                t += random.nextLong(500, 2_500);
                schedule(t, time -> recorder.sawDeletion(guild.massBulkDelete(channel, deletion.bulkSize(), time)));
                total += deletion.singleDeletes() + 1;
            } else if (incident instanceof IncidentSpec.ActivityDrop drop) {
                Instant from = Instant.ofEpochMilli(at).truncatedTo(ChronoUnit.HOURS);
                Instant to = from.plus(Duration.ofHours(drop.hours()));
                if (to.isAfter(spec.end())) {
                    to = spec.end();
                }
                for (int s = 0; s < segments.count(); s++) {
                    if (!segments.start(s).isBefore(from) && segments.start(s).isBefore(to)) {
                        dropFactors[incident.guild()][s] *= (100 - drop.percent()) / 100.0;
                    }
                }
                recorder.window(from, to, drop.percent());
                recorder.channels.addAll(guild.textChannelIds());
            } else if (incident instanceof IncidentSpec.VoiceSurge surge) {
                if (!guild.hasVoice()) {
                    throw new IllegalArgumentException("a voice surge needs a guild with voice channels: " + incident);
                }
                List<Long> channels = guild.popularVoiceChannels(2);
                long t = at;
                for (int i = 0; i < surge.members(); i++) {
                    long channel = channels.get(i % channels.size());
                    schedule(t, time -> {
                        GuildState.Joined joined = guild.voiceJoin(channel, time);
                        long leaveAt = leaveTime(time.toEpochMilli(), random.nextLong(
                                Duration.ofMinutes(20).toMillis(), Duration.ofMinutes(60).toMillis()));
                        if (joined == null) {
                            // nobody left who could join: two messages keep the event count
                            schedule(leaveAt, guild::message);
                            return guild.message(time);
                        }
                        recorder.channels.add(channel);
                        schedule(leaveAt, leave -> recorder.saw(guild.voiceLeave(joined.slot(), leave), 0));
                        return recorder.saw(joined.event(), 1);
                    });
                    t += random.nextLong(1_000, 8_000);
                }
                total += 2 * surge.members();
            } else {
                throw new IllegalArgumentException("unknown incident " + incident);
            }
        }
        return total;
    }

    private long randomIncidentTime() {
        long span = endMillis - startMillis;
        return random.nextLong(startMillis + span / 4, startMillis + span * 9 / 10);
    }

    /**
     * Gives each everyday action a guild, a kind and a time, packed into a long as
     * {@code (millis since start) << 12 | guild << 3 | kind}, and sorts them. A voice session counts
     * two events (its join and its leave), everything else one; each guild gets exactly its share of
     * {@code events}.
     */
    private long[] planEveryday(int events, Segments segments, double[][] dropFactors) {
        double[] shares = spec.guilds().stream().mapToDouble(CommunitySpec::activityWeight).toArray();
        int[] quotas = apportion(events, shares);
        // a session draw makes two events, so it gets half the weight of its events
        double[] mix = spec.mix().weights();
        double[] weights = Arrays.copyOf(mix, VOICE_MOVE + 1);
        weights[VOICE] = mix[VOICE] * (1 - MOVE_SHARE) / 2;
        weights[VOICE_MOVE] = mix[VOICE] * MOVE_SHARE;
        CumulativeSampler kinds = new CumulativeSampler(weights);
        LongList plan = new LongList();
        for (int g = 0; g < guilds.size(); g++) {
            int offset = spec.guilds().get(g).utcOffsetHours();
            double[] plain = new double[segments.count()];
            double[] chatty = new double[segments.count()];
            for (int s = 0; s < segments.count(); s++) {
                plain[s] = segments.intensity(s, spec.diurnal(), offset);
                chatty[s] = plain[s] * dropFactors[g][s];
            }
            CumulativeSampler plainTimes = new CumulativeSampler(plain);
            CumulativeSampler chattyTimes;
            try {
                chattyTimes = new CumulativeSampler(chatty);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("activity drops silence guild " + g + " for the whole timeline", e);
            }
            int remaining = quotas[g];
            while (remaining > 0) {
                int kind = kinds.sample(random);
                if (kind == VOICE && remaining < 2) {
                    kind = MESSAGE;
                }
                remaining -= kind == VOICE ? 2 : 1;
                int segment = kind == MESSAGE || kind == REACTION ? chattyTimes.sample(random) : plainTimes.sample(random);
                long at = segments.startMillis(segment) + random.nextLong(segments.lengthMillis(segment));
                plan.add(((at - startMillis) << 12) | ((long) g << 3) | kind);
            }
        }
        long[] sorted = plan.toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Splits {@code total} in proportion to {@code shares}, by largest remainder (ties to the lower index). */
    static int[] apportion(int total, double[] shares) {
        double sum = Arrays.stream(shares).sum();
        int[] out = new int[shares.length];
        double[] remainders = new double[shares.length];
        int given = 0;
        for (int i = 0; i < shares.length; i++) {
            double exact = total * shares[i] / sum;
            out[i] = (int) Math.floor(exact);
            remainders[i] = exact - out[i];
            given += out[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < shares.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainders[best] = -1;
            given++;
        }
        return out;
    }

    // ---- walking ---------------------------------------------------------------------------

    private void walk(long[] plan) {
        int next = 0;
        while (next < plan.length || !scheduled.isEmpty()) {
            long baseAt = next < plan.length ? startMillis + (plan[next] >>> 12) : Long.MAX_VALUE;
            Step step = scheduled.peek();
            if (step != null && step.atMillis() <= baseAt) {
                scheduled.poll();
                emit(step.action().apply(tick(step.atMillis())));
            } else {
                long packed = plan[next++];
                GuildState guild = guilds.get((int) ((packed >>> 3) & 0x1FF));
                Instant at = tick(baseAt);
                int kind = (int) (packed & 0x7);
                emit(switch (kind) {
                    case MESSAGE -> guild.message(at);
                    case REACTION -> guild.reaction(at);
                    case DELETION -> guild.deletion(at);
                    case VOICE -> voiceSession(guild, at);
                    case VOICE_MOVE -> guild.voiceMove(at);
                    case JOIN -> guild.join(at);
                    case LEAVE -> guild.leave(at);
                    default -> throw new IllegalStateException("unknown action kind " + kind);
                });
            }
        }
    }

    /** A member joins voice now and leaves after a session's length (in the closing window at the latest). */
    private TimelineEvent voiceSession(GuildState guild, Instant at) {
        long length = (long) (SESSION_MEDIAN_MINUTES * 60_000 * Math.exp(SESSION_SIGMA * gaussian()));
        long leaveAt = leaveTime(at.toEpochMilli(), Math.max(30_000, Math.min(SESSION_MAX_MILLIS, length)));
        GuildState.Joined joined = guild.voiceJoin(at);
        if (joined == null) {
            // no voice channel, or everyone is in voice already: two messages keep the event count
            schedule(leaveAt, guild::message);
            return guild.message(at);
        }
        schedule(leaveAt, time -> guild.voiceLeave(joined.slot(), time));
        return joined.event();
    }

    /** When a session that began at {@code joinedAt} ends: after {@code length}, or in the last 30 s of the timeline. */
    private long leaveTime(long joinedAt, long length) {
        long closing = endMillis - CLOSING.toMillis();
        long at = joinedAt + length;
        return at < closing ? at : closing + random.nextLong(CLOSING.toMillis() - 5_000);
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The emission time for an action planned at {@code plannedMillis}: strictly after the previous event. */
    private Instant tick(long plannedMillis) {
        long at = Math.max(plannedMillis, lastMillis + 1);
        if (at >= endMillis) {
            throw new IllegalStateException("the timeline overflows its end at " + Instant.ofEpochMilli(endMillis)
                    + "; use fewer events or a longer duration");
        }
        lastMillis = at;
        return Instant.ofEpochMilli(at);
    }

    private void emit(TimelineEvent event) {
        events.add(event);
    }

    private void schedule(long atMillis, Function<Instant, TimelineEvent> action) {
        scheduled.add(new Step(atMillis, stepOrder++, action));
    }

    private record Step(long atMillis, long order, Function<Instant, TimelineEvent> action) {
    }

    // ---- time segments ---------------------------------------------------------------------

    /** {@code [from, to)} cut at every UTC hour boundary. */
    static final class Segments {
        private final long[] starts;
        private final long[] ends;

        Segments(Instant from, Instant to) {
            List<Long> cuts = new ArrayList<>();
            cuts.add(from.toEpochMilli());
            Instant hour = from.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            while (hour.isBefore(to)) {
                cuts.add(hour.toEpochMilli());
                hour = hour.plus(Duration.ofHours(1));
            }
            starts = new long[cuts.size()];
            ends = new long[cuts.size()];
            for (int i = 0; i < cuts.size(); i++) {
                starts[i] = cuts.get(i);
                ends[i] = i + 1 < cuts.size() ? cuts.get(i + 1) : to.toEpochMilli();
            }
        }

        int count() {
            return starts.length;
        }

        Instant start(int segment) {
            return Instant.ofEpochMilli(starts[segment]);
        }

        long startMillis(int segment) {
            return starts[segment];
        }

        long lengthMillis(int segment) {
            return ends[segment] - starts[segment];
        }

        /** Relative intensity of the segment: the diurnal weight of its local hour times its length in hours. */
        double intensity(int segment, DiurnalCycle cycle, int utcOffsetHours) {
            ZonedDateTime local = start(segment).atZone(ZoneOffset.ofHours(utcOffsetHours));
            DayOfWeek day = local.getDayOfWeek();
            double weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? cycle.weekendFactor() : 1.0;
            return cycle.weight(local.getHour()) * weekend * lengthMillis(segment) / 3_600_000.0;
        }
    }

    // ---- incidents -------------------------------------------------------------------------

    /** Collects what an incident really did while the timeline is walked. */
    private static final class IncidentRecorder {
        private final AlertType type;
        private final long guildId;
        private final Set<Long> channels = new LinkedHashSet<>();
        private Instant first;
        private Instant last;
        private long magnitude;

        IncidentRecorder(AlertType type, long guildId) {
            this.type = type;
            this.guildId = guildId;
        }

        TimelineEvent saw(TimelineEvent event, long count) {
            if (first == null) {
                first = event.at();
            }
            last = event.at();
            magnitude += count;
            return event;
        }

        TimelineEvent sawDeletion(TimelineEvent event) {
            if (event instanceof TimelineEvent.MessageDelete single) {
                channels.add(single.channelId());
                return saw(event, 1);
            }
            if (event instanceof TimelineEvent.MessageDeleteBulk bulk) {
                channels.add(bulk.channelId());
                return saw(event, bulk.messageIds().size());
            }
            return event;
        }

        void window(Instant from, Instant to, long percent) {
            first = from;
            last = to;
            magnitude = percent;
        }

        boolean happened() {
            return first != null;
        }

        Incident build() {
            return new Incident(type, guildId, first, last, List.copyOf(channels), magnitude);
        }
    }
}
