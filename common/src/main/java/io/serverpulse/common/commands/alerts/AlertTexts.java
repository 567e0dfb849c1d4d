package io.serverpulse.common.commands.alerts;

import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.detect.ActivityDropCheck;
import io.serverpulse.common.i18n.Texts;
import java.time.Duration;

/** How alert types and rules read to admins (status, confirmations). */
public final class AlertTexts {

    private AlertTexts() {
    }

    public static String typeName(AlertType type, Texts texts) {
        return texts.get("choice.alert." + type.option());
    }

    /** E.g. "on: 10 joins within 1 min". */
    public static String describe(AlertType type, AlertRule rule, Texts texts) {
        String window = duration(rule.window(), texts);
        String condition = switch (type) {
            case JOIN_RAID -> rule.factor() > 0
                    ? texts.get("alerts.rule.raid-factor", rule.threshold(), window, rule.factor())
                    : texts.get("alerts.rule.raid", rule.threshold(), window);
            case MASS_DELETION -> texts.get("alerts.rule.deletion", rule.threshold(), window);
            // drops are checked in whole hours: say how many
            case ACTIVITY_DROP -> texts.get("alerts.rule.drop", rule.factor(),
                    duration(Duration.ofHours(ActivityDropCheck.windowHours(rule)), texts), rule.threshold());
            case VOICE_SURGE -> texts.get("alerts.rule.voice", rule.factor(), rule.threshold());
        };
        return texts.get("alerts.rule-line", texts.get(rule.enabled() ? "alerts.state.on" : "alerts.state.off"), condition);
    }

    /** 90 s, 5 min, 1 h. */
    public static String duration(Duration duration, Texts texts) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return texts.get("unit.hours", seconds / 3600);
        }
        if (seconds % 60 == 0) {
            return texts.get("unit.minutes", seconds / 60);
        }
        return texts.get("unit.seconds", seconds);
    }
}
