package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertFacts;
import io.serverpulse.common.alerts.AlertMessage;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertStore;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly activity-drop check of one guild, turned into incidents: one OPENED notice when a drop
 * begins, one ENDED notice when it is over, nothing in between. Stateless: what is ongoing is read
 * from the {@link AlertStore} (an ongoing {@code ACTIVITY_DROP} record), so the self-hosted
 * collector and {@code alert-function} can both run it, and running an hour twice (a retry, a
 * restart within the hour) gives no second notice.
 *
 * <p>For the hour boundary {@code E} (the end of the observed window) and the guild's rule:
 * <ul>
 *   <li>dropped ({@link ActivityDropCheck}) and nothing ongoing: the ongoing record (its id from
 *       {@link AlertRecord#idFor}, so a re-run writes the same record) is saved <em>before</em> the
 *       OPENED notice is returned;</li>
 *   <li>dropped and ongoing: nothing;</li>
 *   <li>ongoing and not dropped any more (recovered, the rule switched off, or the usual level
 *       fell under the rule's threshold): the record is saved as ended at the start of this, the
 *       first recovered window, with a final context, and the ENDED notice is returned;</li>
 *   <li>neither: nothing.</li>
 * </ul>
 * The caller hands the notice to its {@code AlertSink}. Thread-safe if the stores are.
 */
public final class ActivityDropWatch {

    /** How far back an ongoing drop is looked for (a drop cannot outlast its 7-day baseline by much). */
    public static final Duration ONGOING_LOOKBACK = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(ActivityDropWatch.class);

    private final MetricsStore metrics;
    private final AlertStore alerts;

    public ActivityDropWatch(MetricsStore metrics, AlertStore alerts) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
    }

    /** What a check decided, before anything is saved: see {@link #evaluate} and {@link #commit}. */
    public record Decision(Kind kind, GuildSettings settings, Instant hourEnd, ActivityDropCheck.Result result,
                           AlertRecord ongoing) {

        public enum Kind {
            /** nothing to announce */
            NOTHING,
            /** a drop begins */
            OPEN,
            /** the ongoing drop is over */
            END
        }

        public Decision {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(hourEnd, "hourEnd");
        }

        /** Whether the rule applied to this guild this hour: on, with history, and usually busy enough. */
        public boolean eligible() {
            AlertRule rule = settings.alert(AlertType.ACTIVITY_DROP);
            return result != null && rule.enabled() && result.days() > 0 && result.usual() >= rule.threshold();
        }
    }

    /**
     * The guilds that must be opening a drop in the same hour, at least, for it to look like a
     * collection outage rather than communities going quiet ({@link #suspectedOutage}).
     */
    public static final int OUTAGE_MIN_GUILDS = 3;
    /** ... and the share of the guilds the rule applied to. */
    public static final double OUTAGE_SHARE = 0.5;

    /**
     * Checks the window that ends at {@code hourEnd} for the guild of {@code settings}: {@link #evaluate}
     * then {@link #commit}.
     *
     * @param hourEnd an hour boundary (UTC); the observed window is the rule's whole hours before it
     * @return the notice to deliver, if any (the record is already saved)
     * @throws IllegalArgumentException if {@code hourEnd} is not an hour boundary
     */
    public Optional<AlertNotice> check(GuildSettings settings, Instant hourEnd) {
        return commit(evaluate(settings, hourEnd));
    }

    /** Reads and decides, writes nothing. */
    public Decision evaluate(GuildSettings settings, Instant hourEnd) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(hourEnd, "hourEnd");
        if (!hourEnd.truncatedTo(ChronoUnit.HOURS).equals(hourEnd)) {
            throw new IllegalArgumentException("activity drops are checked at hour boundaries, not at " + hourEnd);
        }
        long guildId = settings.guildId();
        AlertRule rule = settings.alert(AlertType.ACTIVITY_DROP);
        AlertRecord ongoing = ongoing(guildId, hourEnd).orElse(null);
        if (!rule.enabled() && ongoing == null) {
            return new Decision(Decision.Kind.NOTHING, settings, hourEnd, null, null);
        }
        ActivityDropCheck.Result result = ActivityDropCheck.check(rule,
                metrics.buckets(BucketKind.CHANNEL_HOUR, guildId, null, null, ActivityDropCheck.lookback(rule, hourEnd)), hourEnd);
        Decision.Kind kind;
        if (ongoing == null) {
            kind = result.dropped() ? Decision.Kind.OPEN : Decision.Kind.NOTHING;
        } else {
            kind = result.dropped() ? Decision.Kind.NOTHING : Decision.Kind.END;
        }
        return new Decision(kind, settings, hourEnd, result, ongoing);
    }

    /** Saves what the decision says and returns the notice to deliver, if any. */
    public Optional<AlertNotice> commit(Decision decision) {
        long guildId = decision.settings().guildId();
        AlertRule rule = decision.settings().alert(AlertType.ACTIVITY_DROP);
        ActivityDropCheck.Result result = decision.result();
        Texts texts = Texts.forLocale(decision.settings().locale());
        switch (decision.kind()) {
            case OPEN -> {
                Optional<AlertRecord> opened = result.toAlert(guildId, rule, texts);
                opened.ifPresent(alerts::saveAlert);
                return opened.map(AlertNotice::opened);
            }
            case END -> {
                AlertRecord start = decision.ongoing();
                Instant endedAt = result.window().from().isBefore(start.startedAt()) ? start.startedAt() : result.window().from();
                String context = AlertMessage.context(new AlertFacts.DropEnded(rule.enabled() ? result.facts() : null,
                        start.observed(), start.baseline()), texts);
                AlertRecord ended = new AlertRecord(start.id(), guildId, AlertType.ACTIVITY_DROP, start.severity(),
                        start.startedAt(), endedAt, start.channelIds(), start.observed(), start.baseline(), context);
                alerts.saveAlert(ended);
                return Optional.of(AlertNotice.ended(ended));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** What {@link #commitAll} did: the notices to deliver, and how many drops it held back as an outage. */
    public record Round(List<AlertNotice> notices, int heldBack) {
        public Round {
            notices = List.copyOf(notices);
        }
    }

    /**
     * Commits one hour's decisions across the guilds a caller serves, except the drops it would
     * open in a {@link #suspectedOutage} (logged once). A decision that fails to commit is handed to
     * {@code onFailure} and the others go on.
     */
    public Round commitAll(List<Decision> decisions, BiConsumer<Decision, RuntimeException> onFailure) {
        boolean outage = suspectedOutage(decisions);
        long opening = decisions.stream().filter(d -> d.kind() == Decision.Kind.OPEN).count();
        if (outage) {
            log.warn("{} guilds would open an activity drop in the hour ending {}: that looks like a collection outage (the"
                    + " collector or Discord down), not communities going quiet, so no drop is opened for that hour", opening,
                    decisions.get(0).hourEnd());
        }
        List<AlertNotice> notices = new ArrayList<>();
        for (Decision decision : decisions) {
            if (outage && decision.kind() == Decision.Kind.OPEN) {
                continue;
            }
            try {
                commit(decision).ifPresent(notices::add);
            } catch (RuntimeException e) {
                onFailure.accept(decision, e);
            }
        }
        return new Round(notices, outage ? (int) opening : 0);
    }

    /**
     * Whether one hour's decisions across the guilds of a deployment look like a collection outage
     * (the collector down or cut off, a Discord outage) rather than communities going quiet: at
     * least {@link #OUTAGE_MIN_GUILDS} guilds open a drop in the same hour, and they are at least
     * {@link #OUTAGE_SHARE} of the guilds the rule applied to. Then no drop of that hour should be
     * opened: an outage would otherwise page every guild at once.
     */
    public static boolean suspectedOutage(Collection<Decision> decisions) {
        long eligible = decisions.stream().filter(Decision::eligible).count();
        long opening = decisions.stream().filter(d -> d.kind() == Decision.Kind.OPEN).count();
        return opening >= OUTAGE_MIN_GUILDS && opening >= OUTAGE_SHARE * eligible;
    }

    /** The guild's latest ongoing drop that started before {@code hourEnd}, within {@link #ONGOING_LOOKBACK}. */
    private Optional<AlertRecord> ongoing(long guildId, Instant hourEnd) {
        List<AlertRecord> recent = alerts.alerts(guildId, new TimeWindow(hourEnd.minus(ONGOING_LOOKBACK), hourEnd));
        return recent.stream()
                .filter(a -> a.type() == AlertType.ACTIVITY_DROP && a.ongoing())
                .max(Comparator.comparing(AlertRecord::startedAt));
    }
}
