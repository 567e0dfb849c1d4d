package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertFacts;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import java.util.function.Function;

/**
 * {@code MASS_DELETION}: messages deleted in {@code (t - window, t]} reach {@code threshold}; a
 * bulk delete counts each message. Owns the window of recent deletions (with their channels) and
 * the deletion incidents; it has no baseline.
 */
final class MassDeletionRule extends RealTimeRule {

    private final EventWindow deletions = new EventWindow();

    MassDeletionRule() {
        super(AlertType.MASS_DELETION, (peak, total, windowMillis, usual, channels) ->
                new AlertFacts.DeletionEnded(peak, total, windowMillis, channels));
    }

    /** A deletion (of one or many messages) at {@code t} under the enabled {@code rule}; returns the opened incident, or null. */
    AlertRecord onDeletion(long guildId, long t, MessagesDeleted deleted, AlertRule rule, Function<AlertFacts, String> wording) {
        long window = rule.window().toMillis();
        incidents.note(deleted.count(), deleted.channelId());
        deletions.add(t, deleted.channelId(), deleted.count());
        deletions.prune(t, window);
        AlertFacts opened = new AlertFacts.DeletionOpened(deletions.sum(), window, deletions.channels());
        return crossWindow(guildId, deletions, t, window, rule.threshold(), 0, null, 0, opened, wording);
    }

    @Override
    void switchedOff() {
        deletions.clear();
    }
}
