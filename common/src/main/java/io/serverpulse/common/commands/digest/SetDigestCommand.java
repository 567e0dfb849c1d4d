package io.serverpulse.common.commands.digest;

import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.settings.DigestFrequency;
import java.util.Arrays;

/**
 * {@code /set-digest <hourly|daily|weekly|none>}. Stores the guild's digest frequency; the digest
 * scheduler (self-hosted: in process; AWS: EventBridge Scheduler) reads it from the settings.
 */
public final class SetDigestCommand implements Command {

    public static final String NAME = "set-digest";

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME, OptionDefinition.choice(NAME, "frequency", true, "choice.digest",
                Arrays.stream(DigestFrequency.values()).map(DigestFrequency::option).toList()));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        String option = context.requiredString("frequency");
        DigestFrequency frequency = DigestFrequency.fromOption(option)
                .orElseThrow(() -> new BadInputException("error.invalid-option", "frequency"));
        DigestFrequency stored = context.updateSettings(current -> current.withDigest(frequency, context.now())).after().digest();
        String text = stored == DigestFrequency.NONE
                ? context.texts().get("digest.off")
                : context.texts().get("digest.set", context.texts().get("choice.digest." + stored.option()));
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(text)));
    }
}
