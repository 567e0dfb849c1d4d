package io.serverpulse.common.commands.channels;

import io.serverpulse.common.commands.ChannelTypes;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import java.util.Set;

/** {@code /set-update-channel #channel}: where digests and alerts are posted. */
public final class SetUpdateChannelCommand implements Command {

    public static final String NAME = "set-update-channel";

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME, OptionDefinition.channel(NAME, "channel", true, ChannelTypes.POSTABLE));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        long channelId = context.requiredChannel("channel", Set.copyOf(ChannelTypes.POSTABLE));
        long stored = context.updateSettings(current -> current.withUpdateChannel(channelId, context.now()))
                .after().updateChannelId();
        return new InteractionOutcome.Respond(InteractionResponse.message(
                MessageBody.ephemeralText(context.texts().get("channels.update-set", "<#" + stored + ">"))));
    }
}
