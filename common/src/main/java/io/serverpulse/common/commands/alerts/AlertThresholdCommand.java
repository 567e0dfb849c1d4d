package io.serverpulse.common.commands.alerts;

import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /alert-threshold <type> [threshold] [window] [factor]}: a guild's own numbers for one alert
 * type. Options left out keep their current value; every value is checked against the type's
 * {@link AlertRanges} and a refusal changes nothing.
 */
public final class AlertThresholdCommand implements Command {

    public static final String NAME = "alert-threshold";

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME,
                OptionDefinition.choice(NAME, "type", true, "choice.alert", ToggleAlertCommand.alertOptions()),
                OptionDefinition.integer(NAME, "threshold", false, AlertRanges.THRESHOLD_MIN, AlertRanges.THRESHOLD_MAX),
                OptionDefinition.integer(NAME, "window", false, AlertRanges.WINDOW_MIN, AlertRanges.WINDOW_MAX),
                OptionDefinition.number(NAME, "factor", false, AlertRanges.FACTOR_MIN, AlertRanges.FACTOR_MAX));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        AlertType type = ToggleAlertCommand.alertType(context);
        Optional<Long> threshold = context.integer("threshold");
        Optional<Long> window = context.integer("window");
        Optional<Double> factor = context.number("factor");
        if (threshold.isEmpty() && window.isEmpty() && factor.isEmpty()) {
            throw new BadInputException("alerts.threshold-nothing");
        }
        AlertRanges ranges = AlertRanges.of(type);
        String typeName = AlertTexts.typeName(type, context.texts());
        if (threshold.isPresent() && !ranges.thresholdOk(threshold.get())) {
            throw new BadInputException("error.out-of-range", context.label("threshold"), typeName, ranges.minThreshold(), ranges.maxThreshold());
        }
        if (window.isPresent() && !ranges.windowOk(window.get())) {
            throw new BadInputException("error.out-of-range", context.label("window"), typeName, ranges.minWindowSeconds(), ranges.maxWindowSeconds());
        }
        if (factor.isPresent() && !ranges.factorOk(factor.get())) {
            if (!ranges.factorUsed()) {
                throw new BadInputException("alerts.factor-unused", typeName);
            }
            throw new BadInputException(ranges.factorOff() ? "alerts.factor-range-or-off" : "error.out-of-range", context.label("factor"),
                    typeName, ranges.minFactor(), ranges.maxFactor());
        }
        GuildSettings stored = context.updateSettings(current -> {
            AlertRule rule = current.alert(type);
            return current.withAlert(type, new AlertRule(rule.enabled(),
                    threshold.map(Long::intValue).orElse(rule.threshold()),
                    window.map(Duration::ofSeconds).orElse(rule.window()),
                    factor.orElse(rule.factor())), context.now());
        }).after();
        String text = context.texts().get("alerts.threshold-set", typeName,
                AlertTexts.describe(type, stored.alert(type), context.texts()));
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(text)));
    }
}
