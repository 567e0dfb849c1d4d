package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static io.serverpulse.common.commands.CommandKit.withOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertCommandsTest {

    private final CommandKit kit = new CommandKit();

    private Answer threshold(String options) {
        return kit.run(withOptions(fixture("alert-threshold.json"), options));
    }

    @Test
    void toggleAlertTurnsOneTypeOff() {
        // GIVEN default settings (every alert on)
        // WHEN /toggle-alert raid off
        Answer answer = kit.run(fixture("toggle-alert.json"));

        // THEN only join raids are off, with their thresholds kept
        GuildSettings settings = kit.store.settings(GUILD);
        assertThat(settings.alert(AlertType.JOIN_RAID)).isEqualTo(AlertRule.defaultFor(AlertType.JOIN_RAID).withEnabled(false));
        assertThat(settings.alert(AlertType.MASS_DELETION).enabled()).isTrue();
        assertThat(answer.content()).isEqualTo("✅ Join raid alerts are off.");
        assertThat(answer.ephemeral()).isTrue();
    }

    @Test
    void toggleAlertTurnsItBackOn() {
        // GIVEN join raid alerts off
        kit.run(fixture("toggle-alert.json"));

        // WHEN /toggle-alert raid on
        Answer answer = kit.run(withOptions(fixture("toggle-alert.json"),
                "[{\"name\":\"type\",\"type\":3,\"value\":\"raid\"},{\"name\":\"state\",\"type\":3,\"value\":\"on\"}]"));

        // THEN they are on again
        assertThat(kit.store.settings(GUILD).alert(AlertType.JOIN_RAID).enabled()).isTrue();
        assertThat(answer.content()).isEqualTo("✅ Join raid alerts are on.");
    }

    @Test
    void alertThresholdSetsTheGivenNumbersAndKeepsTheRest() {
        // GIVEN join raid alerts off
        kit.run(fixture("toggle-alert.json"));

        // WHEN /alert-threshold raid threshold:25 window:120
        Answer answer = kit.run(fixture("alert-threshold.json"));

        // THEN threshold and window change, the factor and the off state stay
        assertThat(kit.store.settings(GUILD).alert(AlertType.JOIN_RAID))
                .isEqualTo(new AlertRule(false, 25, Duration.ofSeconds(120), 0));
        assertThat(answer.content()).isEqualTo("✅ Join raid alert: off: 25 joins within 2 min.");
    }

    @Test
    void activityDropTakesAFactorBelowOne() {
        // GIVEN / WHEN /alert-threshold drop factor:0.3
        Answer answer = threshold("[{\"name\":\"type\",\"type\":3,\"value\":\"drop\"},{\"name\":\"factor\",\"type\":10,\"value\":0.3}]");

        // THEN the rule reads as a drop below 30 %
        assertThat(kit.store.settings(GUILD).alert(AlertType.ACTIVITY_DROP).factor()).isEqualTo(0.3);
        assertThat(answer.content()).contains("below 30% of the usual for those hours");
    }

    @Test
    void valuesOutsideTheTypesRangeChangeNothing() {
        // GIVEN / WHEN values each type refuses
        Answer oneJoin = threshold("[{\"name\":\"type\",\"type\":3,\"value\":\"raid\"},{\"name\":\"threshold\",\"type\":4,\"value\":1}]");
        Answer shortDrop = threshold("[{\"name\":\"type\",\"type\":3,\"value\":\"drop\"},{\"name\":\"window\",\"type\":4,\"value\":60}]");
        Answer dropOff = threshold("[{\"name\":\"type\",\"type\":3,\"value\":\"drop\"},{\"name\":\"factor\",\"type\":10,\"value\":0}]");
        Answer raidFactor = threshold("[{\"name\":\"type\",\"type\":3,\"value\":\"raid\"},{\"name\":\"factor\",\"type\":10,\"value\":1.2}]");
        Answer deletionFactor = threshold("[{\"name\":\"type\",\"type\":3,\"value\":\"deletion\"},{\"name\":\"factor\",\"type\":10,\"value\":2}]");
        Answer nothing = threshold("[{\"name\":\"type\",\"type\":3,\"value\":\"voice\"}]");
        Answer text = threshold("[{\"name\":\"type\",\"type\":3,\"value\":\"raid\"},{\"name\":\"threshold\",\"type\":4,\"value\":\"ten\"}]");

        // THEN each says why, and the settings were never written
        assertThat(oneJoin.content()).isEqualTo("**threshold** for Join raid must be between 2 and 1,000. Nothing was changed.");
        assertThat(shortDrop.content()).isEqualTo("**window** for Activity drop must be between 900 and 86,400. Nothing was changed.");
        assertThat(dropOff.content()).startsWith("**factor** for Activity drop must be between 0.05 and 0.95");
        assertThat(raidFactor.content()).startsWith("**factor** for Join raid must be 0 (off) or between 1.5 and 50");
        assertThat(deletionFactor.content()).isEqualTo("Mass deletion alerts have no factor. Nothing was changed.");
        assertThat(nothing.content()).startsWith("Give at least one of **threshold**, **window** or **factor**");
        assertThat(text.content()).startsWith("The value of **threshold** isn’t valid");
        assertThat(kit.store.findSettings(GUILD)).isEmpty();
    }

    @Test
    void frenchMembersReadTheRuleInFrench() {
        // GIVEN / WHEN a French member sets a raid threshold
        Answer answer = kit.run(CommandKit.withLocale(fixture("alert-threshold.json"), "fr"));

        // THEN the confirmation is French
        assertThat(answer.content()).isEqualTo("✅ Alerte Raid d’arrivées : activée : 25 arrivées en 2 min.");
    }
}
