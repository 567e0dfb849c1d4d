package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertFacts;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real-time alert rule of one guild ({@link JoinRaidRule}, {@link MassDeletionRule},
 * {@link VoiceSurgeRule}): what it watches (a sliding window or a level), its 24 h baseline, and
 * its incidents. The {@link AlertDetector} feeds it under the guild's lock, with the guild's
 * {@link io.serverpulse.common.alerts.AlertRule} when the rule is on, and delivers what it opens.
 * A rule reports numbers ({@link AlertFacts}); the words come from the wording it is handed.
 */
abstract class RealTimeRule {

    private static final Logger log = LoggerFactory.getLogger(RealTimeRule.class);

    final IncidentTracker incidents;

    RealTimeRule(AlertType type, IncidentTracker.EndedFacts endedFacts) {
        this.incidents = new IncidentTracker(type, endedFacts);
    }

    AlertType type() {
        return incidents.type();
    }

    /** The guild's rule is switched off: forget what was being watched for it. */
    void switchedOff() {
    }

    /**
     * The crossing test of a window rule after its window took an event at {@code t}: once the
     * window holds {@code level}, an open incident is extended, or one opens (unless cooling down).
     * The incident starts at the oldest of the events that reached the level and holds until that
     * event leaves the window.
     *
     * @param members the guild's size when the window counts members (joins), else 0: see
     *     {@link Severities#of(double, double, int)}
     * @return the opened incident, or null
     */
    final AlertRecord crossWindow(long guildId, EventWindow window, long t, long windowMillis, long level, double baseline,
            Double usual, int members, AlertFacts opened, Function<AlertFacts, String> wording) {
        long count = window.sum();
        if (count < level) {
            return null;
        }
        EventWindow.Entry reaching = window.reaching(level);
        long aboveUntil = reaching.at() + windowMillis;
        if (incidents.isOpen()) {
            incidents.extend(t, aboveUntil, count, Severities.of(count, level, members));
        } else if (!incidents.inCooldown(t)) {
            return incidents.open(guildId, reaching.at(), t, aboveUntil, count, Severities.of(count, level, members), window.channels(),
                    baseline, usual, windowMillis, opened, wording);
        } else {
            log.debug("Guild {}: {} crossing during cooldown, not alerted", guildId, type());
        }
        return null;
    }
}
