package io.serverpulse.common.commands.alerts;

import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import java.util.Arrays;
import java.util.List;

/** {@code /toggle-alert <raid|drop|deletion|voice> <on|off>}. */
public final class ToggleAlertCommand implements Command {

    public static final String NAME = "toggle-alert";

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME,
                OptionDefinition.choice(NAME, "type", true, "choice.alert", alertOptions()),
                OptionDefinition.choice(NAME, "state", true, "choice.state", List.of("on", "off")));
    }

    static List<String> alertOptions() {
        return Arrays.stream(AlertType.values()).map(AlertType::option).toList();
    }

    static AlertType alertType(CommandContext context) {
        return AlertType.fromOption(context.requiredString("type"))
                .orElseThrow(() -> new BadInputException("error.invalid-option", "type"));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        AlertType type = alertType(context);
        String state = context.requiredString("state");
        boolean on;
        if ("on".equals(state)) {
            on = true;
        } else if ("off".equals(state)) {
            on = false;
        } else {
            throw new BadInputException("error.invalid-option", "state");
        }
        boolean stored = context.updateSettings(current -> current.withAlert(type, current.alert(type).withEnabled(on),
                context.now())).after().alert(type).enabled();
        String text = context.texts().get(stored ? "alerts.toggled-on" : "alerts.toggled-off",
                AlertTexts.typeName(type, context.texts()));
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(text)));
    }
}
