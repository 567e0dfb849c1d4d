package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertSink;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time detection of join raids, mass deletions and voice surges, per guild, with the guild's
 * own {@link AlertRule}s (read through a settings function the caller may cache).
 *
 * <h2>Time</h2>
 * The detector never reads a clock: time comes from the events ({@link ActivityEvent#at()}), from
 * {@link #voicePresence} and from {@link #tick}. A guild's time only moves forward; an event older
 * than the newest one seen counts as happening at the newest time.
 *
 * <h2>Incidents</h2>
 * For each type, the condition is checked at every relevant input:
 * <ul>
 *   <li>{@code JOIN_RAID}: joins in {@code (t - window, t]} reach {@code threshold}; or, when
 *       {@code factor > 0} and the 24 h baseline is known, reach {@code factor} × the usual joins
 *       per window and at least {@code ceil(threshold / 2)} (the rule's Javadoc).</li>
 *   <li>{@code MASS_DELETION}: messages deleted in {@code (t - window, t]} reach {@code threshold};
 *       a bulk delete counts each message.</li>
 *   <li>{@code VOICE_SURGE}: members in voice reach {@code threshold} and {@code factor} × the
 *       average members in voice over the trailing 24 h (ending where the rule's window begins).</li>
 * </ul>
 * The first time it holds, an incident opens: one {@link AlertNotice.Kind#OPENED} notice with the
 * record ({@code startedAt} is the oldest of the events that reached the level; the context is the
 * count at that moment). While open, renewed crossings extend it and raise its peak, silently.
 * Once the condition has not held for {@link DetectorOptions#quietPeriod()}, it ends: one
 * {@link AlertNotice.Kind#ENDED} notice, same id, {@code endedAt} = the last moment the condition
 * held (the last raid join; the moment voice fell back), the peak as {@code observed} and a final
 * context. Then {@link DetectorOptions#cooldown()} keeps a new incident of the type from opening.
 * Endings are noticed at the next event or {@link #tick} but dated by the events, so ticks only
 * decide <em>when</em> an ENDED is sent, never whether or with what. A disabled rule produces
 * nothing and ends an open incident of its type at the next input.
 *
 * <h2>Memory</h2>
 * Per guild: the events inside each rule's window (pruned as time moves), two small fixed rings
 * for the 24 h baselines, and the open incidents. A guild idle for
 * {@link DetectorOptions#idleEviction()} with nothing open and nobody in voice is forgotten at a
 * tick; its baselines then warm up again when it comes back. After a restart the collector warms
 * them from the store ({@link #seedBaselines}).
 *
 * <p>Thread-safe: inputs for one guild are serialized on that guild's state; the {@link AlertSink}
 * is called while it is held, in order, so it must hand off quickly.
 */
public final class AlertDetector {

    private static final Logger log = LoggerFactory.getLogger(AlertDetector.class);
    private static final long SETTINGS_WARNING_INTERVAL_MILLIS = 60_000;

    private final Function<Long, GuildSettings> settings;
    private final AlertSink sink;
    private final DetectorOptions options;
    private final LongToIntFunction memberCounts;
    private final ConcurrentHashMap<Long, GuildAlertState> guilds = new ConcurrentHashMap<>();

    public AlertDetector(Function<Long, GuildSettings> settings, AlertSink sink) {
        this(settings, sink, DetectorOptions.defaults());
    }

    /**
     * @param settings the guild's settings by guild id (the collector passes a cached lookup); an
     *     exception from it skips detection for that input (logged once a minute per guild)
     */
    public AlertDetector(Function<Long, GuildSettings> settings, AlertSink sink, DetectorOptions options) {
        this(settings, sink, options, guildId -> 0);
    }

    /**
     * @param memberCounts the guild's member count by guild id, 0 when unknown: a raid's severity
     *     also weighs the joins against the guild's size (see {@code AlertContext.severity})
     */
    public AlertDetector(Function<Long, GuildSettings> settings, AlertSink sink, DetectorOptions options,
            LongToIntFunction memberCounts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.options = Objects.requireNonNull(options, "options");
        this.memberCounts = Objects.requireNonNull(memberCounts, "memberCounts");
    }

    /**
     * Feeds one activity event. Joins and deletions are watched; every other kind is ignored here
     * (voice surges come through {@link #voicePresence}, activity drops are checked once an hour
     * by {@link ActivityDropWatch}).
     */
    public void accept(ActivityEvent event) {
        if (event instanceof MemberJoined join) {
            withState(join.guildId(), state -> onJoin(state, join.at().toEpochMilli()));
        } else if (event instanceof MessagesDeleted deleted) {
            withState(deleted.guildId(), state -> onDeletion(state, deleted));
        }
    }

    /**
     * How many members are in the guild's voice channels now (after a voice state update, or
     * periodically). The count holds until the next call; its time-weighted average over 24 h is
     * the voice baseline.
     */
    public void voicePresence(long guildId, int membersInVoice, Instant at) {
        if (membersInVoice < 0) {
            throw new IllegalArgumentException("membersInVoice must not be negative: " + membersInVoice);
        }
        Objects.requireNonNull(at, "at");
        withState(guildId, state -> onVoice(state, membersInVoice, at.toEpochMilli()));
    }

    /**
     * Warms a guild's 24 h baselines from the store, so that a restarted collector does not start
     * cold: without it the raid's baseline mode and the voice surge stay silent for
     * {@link DetectorOptions#baselineWarmup()} and then judge by a short history.
     *
     * <p>{@code channelHourRows} are the guild's {@link BucketKind#CHANNEL_HOUR} rows of the 24 hours
     * before {@code until} (a whole hour, at or before this process's first input for the guild):
     * the guild-wide rows give the joins, every channel's {@link Counter#VOICE_SECONDS} the members
     * in voice (an hour's voice seconds / 3,600 is its average number of members in voice). The
     * history starts at the earliest hour that has a row, when ServerPulse was evidently counting;
     * later hours without rows were quiet. Rows outside the range are ignored.
     *
     * @return whether anything was seeded (false: no stored hour, or the guild was seeded before)
     */
    public boolean seedBaselines(long guildId, List<BucketRow> channelHourRows, Instant until) {
        Objects.requireNonNull(channelHourRows, "channelHourRows");
        long end = until.toEpochMilli();
        long hour = Duration.ofHours(1).toMillis();
        if (Math.floorMod(end, hour) != 0) {
            throw new IllegalArgumentException("until must be a whole hour: " + until);
        }
        int hours = (int) (DetectorOptions.BASELINE_SPAN.toMillis() / hour);
        long from = end - hours * hour;
        long[] joins = new long[hours];
        long[] voiceSeconds = new long[hours];
        int earliest = hours;
        for (BucketRow row : channelHourRows) {
            if (row.key().kind() != BucketKind.CHANNEL_HOUR || row.key().guildId() != guildId) {
                throw new IllegalArgumentException("baselines are seeded from the guild's CHANNEL_HOUR rows, not " + row.key());
            }
            long start = row.key().start().toEpochMilli();
            if (start < from || start >= end) {
                continue;
            }
            int index = (int) ((start - from) / hour);
            earliest = Math.min(earliest, index);
            if (row.key().channelId() == BucketKey.GUILD_WIDE) {
                joins[index] += row.get(Counter.JOINS);
            }
            voiceSeconds[index] += row.get(Counter.VOICE_SECONDS);
        }
        if (earliest == hours) {
            return false;
        }
        long firstHour = from + earliest * hour;
        long[] seededJoins = Arrays.copyOfRange(joins, earliest, hours);
        long[] seededVoice = Arrays.copyOfRange(voiceSeconds, earliest, hours);
        boolean[] seeded = {false};
        withState(guildId, state -> seeded[0] = state.seed(firstHour, seededJoins, seededVoice, options));
        if (seeded[0]) {
            log.debug("Seeded the alert baselines of guild {} with {} stored hours", guildId, hours - earliest);
        }
        return seeded[0];
    }

    /**
     * Lets time pass without events: ends incidents whose quiet period is over, ends incidents of
     * rules switched off, extends the voice baselines, and forgets idle guilds. The collector calls
     * it every few seconds with its clock; tests with simulated time.
     */
    public void tick(Instant now) {
        long at = now.toEpochMilli();
        for (GuildAlertState state : guilds.values()) {
            List<AlertNotice> notices = new ArrayList<>();
            synchronized (state) {
                if (state.evicted) {
                    continue;
                }
                long t = state.advance(at);
                state.integrateVoice(t, options);
                closeQuiet(state, t, notices);
                if (state.anyOpen()) {
                    GuildSettings guild = settingsFor(state, t);
                    if (guild != null) {
                        closeIfDisabled(state.raid, guild.alert(AlertType.JOIN_RAID), t, notices);
                        closeIfDisabled(state.deletion, guild.alert(AlertType.MASS_DELETION), t, notices);
                        closeIfDisabled(state.voice, guild.alert(AlertType.VOICE_SURGE), t, notices);
                    }
                }
                deliver(notices);
                if (!state.anyOpen() && state.voiceMembers == 0
                        && t - state.lastActivity >= options.idleEviction().toMillis()) {
                    state.evicted = true;
                    guilds.remove(state.guildId, state);
                    log.debug("Forgot idle guild {} in the alert detector", state.guildId);
                }
            }
        }
    }

    /**
     * Ends every open incident now, for a shutdown: detection stops, so an incident left open would
     * stay "ongoing" in the store and in Discord for good. Each gets its ENDED notice, dated by the
     * last moment its condition held (or {@code now} for a voice surge still above its level). If the
     * raid or surge is still going on when ServerPulse is back, it is a new incident.
     */
    public void endAll(Instant now) {
        long at = now.toEpochMilli();
        for (GuildAlertState state : guilds.values()) {
            List<AlertNotice> notices = new ArrayList<>();
            synchronized (state) {
                if (state.evicted) {
                    continue;
                }
                long t = state.advance(at);
                for (IncidentTracker tracker : List.of(state.raid, state.deletion, state.voice)) {
                    AlertRecord ended = tracker.closeNow(t, options.cooldown().toMillis());
                    if (ended != null) {
                        notices.add(AlertNotice.ended(ended));
                    }
                }
                deliver(notices);
            }
        }
    }

    /** Guilds currently holding detector state. */
    public int trackedGuilds() {
        return guilds.size();
    }

    /** The guild's ongoing incidents, for {@code /serverpulse status}. */
    public List<AlertRecord> openIncidents(long guildId) {
        GuildAlertState state = guilds.get(guildId);
        if (state == null) {
            return List.of();
        }
        synchronized (state) {
            List<AlertRecord> open = new ArrayList<>();
            for (IncidentTracker tracker : List.of(state.raid, state.deletion, state.voice)) {
                if (tracker.isOpen()) {
                    open.add(tracker.current());
                }
            }
            return open;
        }
    }

    public DetectorOptions options() {
        return options;
    }

    private void withState(long guildId, Consumer<GuildAlertState> action) {
        while (true) {
            GuildAlertState state = guilds.computeIfAbsent(guildId, id -> new GuildAlertState(id));
            synchronized (state) {
                if (!state.evicted) {
                    action.accept(state);
                    return;
                }
            }
        }
    }

    private void onJoin(GuildAlertState state, long at) {
        long t = start(state, at);
        List<AlertNotice> notices = new ArrayList<>();
        state.recordJoin(t, options);
        closeQuiet(state, t, notices);
        GuildSettings guild = settingsFor(state, t);
        AlertRule rule = guild == null ? null : enabledRule(state, guild, AlertType.JOIN_RAID, t, notices);
        if (rule != null) {
            long window = rule.window().toMillis();
            state.raid.note(1, 0);
            state.joins.add(t, 0, 1);
            state.joins.prune(t, window);
            long count = state.joins.sum();
            // the 24 h baseline matters for the level (baseline mode) or for the context of a crossing
            Double perWindow = rule.factor() > 0 || count >= rule.threshold()
                    ? state.joinsPerWindow(t, window, options) : null;
            long level = raidLevel(rule, perWindow);
            Double usualPerMinute = perWindow == null ? null : perWindow * 60_000 / window;
            evaluateWindow(state, state.raid, state.joins, t, window, level, perWindow == null ? 0 : perWindow,
                    usualPerMinute, AlertContext.raidOpened(texts(guild), count, window, usualPerMinute, level), texts(guild),
                    memberCounts.applyAsInt(state.guildId), notices);
        } else if (guild != null) {
            state.joins.clear();
        }
        deliver(notices);
    }

    private void onDeletion(GuildAlertState state, MessagesDeleted deleted) {
        long t = start(state, deleted.at().toEpochMilli());
        List<AlertNotice> notices = new ArrayList<>();
        closeQuiet(state, t, notices);
        GuildSettings guild = settingsFor(state, t);
        AlertRule rule = guild == null ? null : enabledRule(state, guild, AlertType.MASS_DELETION, t, notices);
        if (rule != null) {
            long window = rule.window().toMillis();
            state.deletion.note(deleted.count(), deleted.channelId());
            state.deletions.add(t, deleted.channelId(), deleted.count());
            state.deletions.prune(t, window);
            long count = state.deletions.sum();
            evaluateWindow(state, state.deletion, state.deletions, t, window, rule.threshold(), 0, null,
                    AlertContext.deletionOpened(texts(guild), count, window, state.deletions.channels()), texts(guild), 0, notices);
        } else if (guild != null) {
            state.deletions.clear();
        }
        deliver(notices);
    }

    private void onVoice(GuildAlertState state, int members, long at) {
        long t = start(state, at);
        List<AlertNotice> notices = new ArrayList<>();
        state.voicePresence(t, members, options);
        closeQuiet(state, t, notices);
        GuildSettings guild = settingsFor(state, t);
        AlertRule rule = guild == null ? null : enabledRule(state, guild, AlertType.VOICE_SURGE, t, notices);
        if (rule != null) {
            long window = rule.window().toMillis();
            Double baseline = state.voiceBaseline(t, window, options);
            double level = baseline == null ? Double.NaN : Math.max(rule.threshold(), rule.factor() * baseline);
            boolean above = baseline != null && members >= rule.threshold() && members >= rule.factor() * baseline - 1e-9;
            IncidentTracker tracker = state.voice;
            if (above && tracker.isOpen()) {
                tracker.extend(t, IncidentTracker.ONGOING, members, AlertContext.severity(members, level));
            } else if (above && !tracker.inCooldown(t)) {
                AlertRecord opened = tracker.open(state.guildId, t, t, IncidentTracker.ONGOING, members,
                        AlertContext.severity(members, level), List.of(), baseline, baseline, window,
                        AlertContext.voiceOpened(texts(guild), members, baseline), texts(guild));
                notices.add(AlertNotice.opened(opened));
            } else if (!above) {
                tracker.stopAbove(t);
            }
        }
        deliver(notices);
    }

    /** Common start of an input: the guild's monotonic time, and activity for eviction. */
    private static long start(GuildAlertState state, long at) {
        long t = state.advance(at);
        state.lastActivity = t;
        return t;
    }

    /**
     * The effective join level: the absolute threshold, or lower when the baseline mode is on and
     * known: max(ceil(threshold / 2), ceil(factor × usual joins per window)).
     */
    static long raidLevel(AlertRule rule, Double perWindow) {
        long absolute = rule.threshold();
        if (rule.factor() <= 0 || perWindow == null) {
            return absolute;
        }
        long minimum = (rule.threshold() + 1) / 2;
        long relative = Math.max(minimum, (long) Math.ceil(rule.factor() * perWindow - 1e-9));
        return Math.min(absolute, relative);
    }

    /** @param members the guild's size when the count is of members (joins), else 0 */
    private void evaluateWindow(GuildAlertState state, IncidentTracker tracker, EventWindow window, long t,
            long windowMillis, long level, double baseline, Double usual, String openedContext, Texts texts,
            int members, List<AlertNotice> notices) {
        long count = window.sum();
        if (count < level) {
            return;
        }
        EventWindow.Entry reaching = window.reaching(level);
        long aboveUntil = reaching.at() + windowMillis;
        if (tracker.isOpen()) {
            tracker.extend(t, aboveUntil, count, AlertContext.severity(count, level, members));
        } else if (!tracker.inCooldown(t)) {
            AlertRecord opened = tracker.open(state.guildId, reaching.at(), t, aboveUntil, count,
                    AlertContext.severity(count, level, members), window.channels(), baseline, usual, windowMillis, openedContext,
                    texts);
            notices.add(AlertNotice.opened(opened));
        } else {
            log.debug("Guild {}: {} crossing during cooldown, not alerted", state.guildId, tracker.current());
        }
    }

    private void closeQuiet(GuildAlertState state, long t, List<AlertNotice> notices) {
        long quiet = options.quietPeriod().toMillis();
        long cooldown = options.cooldown().toMillis();
        for (IncidentTracker tracker : List.of(state.raid, state.deletion, state.voice)) {
            AlertRecord ended = tracker.closeIfQuiet(t, quiet, cooldown);
            if (ended != null) {
                notices.add(AlertNotice.ended(ended));
            }
        }
    }

    private void closeIfDisabled(IncidentTracker tracker, AlertRule rule, long t, List<AlertNotice> notices) {
        if (!rule.enabled()) {
            AlertRecord ended = tracker.closeNow(t, options.cooldown().toMillis());
            if (ended != null) {
                notices.add(AlertNotice.ended(ended));
            }
        }
    }

    /** The guild's rule for {@code type} if enabled; null (ending an open incident of the type) if not. */
    private AlertRule enabledRule(GuildAlertState state, GuildSettings guild, AlertType type, long t,
            List<AlertNotice> notices) {
        AlertRule rule = guild.alert(type);
        IncidentTracker tracker = switch (type) {
            case JOIN_RAID -> state.raid;
            case MASS_DELETION -> state.deletion;
            case VOICE_SURGE -> state.voice;
            case ACTIVITY_DROP -> throw new IllegalArgumentException("activity drops are checked on a schedule");
        };
        closeIfDisabled(tracker, rule, t, notices);
        return rule.enabled() ? rule : null;
    }

    /** The guild's language for the context sentences. */
    private static Texts texts(GuildSettings guild) {
        return Texts.forLocale(guild.locale());
    }

    private GuildSettings settingsFor(GuildAlertState state, long t) {
        try {
            return Objects.requireNonNull(settings.apply(state.guildId), "no settings");
        } catch (RuntimeException e) {
            if (state.lastSettingsWarning == Long.MIN_VALUE || t - state.lastSettingsWarning >= SETTINGS_WARNING_INTERVAL_MILLIS) {
                state.lastSettingsWarning = t;
                log.warn("Alert detection skipped for guild {}: its settings could not be read ({})",
                        state.guildId, e.toString());
            }
            return null;
        }
    }

    private void deliver(List<AlertNotice> notices) {
        for (AlertNotice notice : notices) {
            AlertRecord alert = notice.alert();
            log.info("Alert {} {} for guild {}: {} ({})", alert.type(), notice.kind(), alert.guildId(), alert.id(),
                    alert.severity());
            try {
                sink.deliver(notice);
            } catch (RuntimeException e) {
                log.error("Alert sink failed for {} {}", notice.kind(), alert.id(), e);
            }
        }
    }
}
