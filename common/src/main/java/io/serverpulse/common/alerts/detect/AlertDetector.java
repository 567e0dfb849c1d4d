package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertFacts;
import io.serverpulse.common.alerts.AlertMessage;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertSink;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongToIntFunction;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time detection of join raids, mass deletions and voice surges, per guild, with the guild's
 * own {@link AlertRule}s (read through a settings function the caller may cache). Each rule is a
 * class of its own ({@link JoinRaidRule}, {@link MassDeletionRule}, {@link VoiceSurgeRule}) owning
 * its window, baseline and incidents; the detector keeps the per-guild state and its lock, reads
 * the settings, ticks, and delivers the notices. The context sentences are worded in the guild's
 * language by {@link AlertMessage#context} from the numbers the rules report.
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
 * count at that moment, worded in the guild's language of that moment). While open, renewed crossings extend it and raise its peak, silently.
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
     *     also weighs the joins against the guild's size ({@link Severities#of(double, double, int)})
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
            withState(join.guildId(), state -> input(state, join.at().toEpochMilli(), state.raid,
                    t -> state.raid.recordJoin(t, options),
                    (t, rule, wording) -> state.raid.onJoin(state.guildId, t, rule, state.watchingSince(),
                            memberCounts.applyAsInt(state.guildId), options, wording)));
        } else if (event instanceof MessagesDeleted deleted) {
            withState(deleted.guildId(), state -> input(state, deleted.at().toEpochMilli(), state.deletion, t -> { },
                    (t, rule, wording) -> state.deletion.onDeletion(state.guildId, t, deleted, rule, wording)));
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
        withState(guildId, state -> input(state, at.toEpochMilli(), state.voice,
                t -> state.voice.presence(t, membersInVoice, options),
                (t, rule, wording) -> state.voice.check(state.guildId, t, rule, options, wording)));
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
        StoredHours hours = StoredHours.from(guildId, channelHourRows, until);
        if (hours == null) {
            return false;
        }
        boolean[] seeded = {false};
        withState(guildId, state -> seeded[0] = state.seed(hours, options));
        if (seeded[0]) {
            log.debug("Seeded the alert baselines of guild {} with {} stored hours", guildId, hours.count());
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
                state.voice.integrate(t, options);
                closeQuiet(state, t, notices);
                if (state.anyOpen()) {
                    GuildSettings guild = settingsFor(state, t);
                    if (guild != null) {
                        for (RealTimeRule rule : state.rules()) {
                            closeIfDisabled(rule, guild.alert(rule.type()), t, notices);
                        }
                    }
                }
                deliver(notices);
                if (!state.anyOpen() && state.voice.members() == 0
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
                for (RealTimeRule rule : state.rules()) {
                    ended(rule.incidents.closeNow(t, options.cooldown().toMillis()), notices);
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
            for (RealTimeRule rule : state.rules()) {
                if (rule.incidents.isOpen()) {
                    open.add(rule.incidents.current());
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

    /** What a rule checks at an input while it is on; returns the incident it opened, or null. */
    @FunctionalInterface
    private interface RuleCheck {
        AlertRecord check(long t, AlertRule rule, Function<AlertFacts, String> wording);
    }

    /**
     * One input for one rule, under the guild's lock: the guild's time moves on, the rule records
     * what it always records (its baseline), quiet incidents of every rule end, and then, if the
     * guild's rule is on, the rule checks; if it is off, an open incident of it ends and the rule
     * forgets its window.
     */
    private void input(GuildAlertState state, long at, RealTimeRule rule, LongConsumer always, RuleCheck check) {
        long t = state.advance(at);
        state.lastActivity = t;
        List<AlertNotice> notices = new ArrayList<>();
        always.accept(t);
        closeQuiet(state, t, notices);
        GuildSettings guild = settingsFor(state, t);
        if (guild != null) {
            AlertRule alertRule = guild.alert(rule.type());
            closeIfDisabled(rule, alertRule, t, notices);
            if (alertRule.enabled()) {
                AlertRecord opened = check.check(t, alertRule, wording(guild));
                if (opened != null) {
                    notices.add(AlertNotice.opened(opened));
                }
            } else {
                rule.switchedOff();
            }
        }
        deliver(notices);
    }

    private void closeQuiet(GuildAlertState state, long t, List<AlertNotice> notices) {
        long quiet = options.quietPeriod().toMillis();
        long cooldown = options.cooldown().toMillis();
        for (RealTimeRule rule : state.rules()) {
            ended(rule.incidents.closeIfQuiet(t, quiet, cooldown), notices);
        }
    }

    private void closeIfDisabled(RealTimeRule rule, AlertRule alertRule, long t, List<AlertNotice> notices) {
        if (!alertRule.enabled()) {
            ended(rule.incidents.closeNow(t, options.cooldown().toMillis()), notices);
        }
    }

    private static void ended(AlertRecord ended, List<AlertNotice> notices) {
        if (ended != null) {
            notices.add(AlertNotice.ended(ended));
        }
    }

    /** The context sentences of incidents opened now: in the guild's language ({@link AlertMessage#context}). */
    private static Function<AlertFacts, String> wording(GuildSettings guild) {
        Texts texts = Texts.forLocale(guild.locale());
        return facts -> AlertMessage.context(facts, texts);
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
