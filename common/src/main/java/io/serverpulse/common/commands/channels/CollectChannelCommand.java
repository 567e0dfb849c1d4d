package io.serverpulse.common.commands.channels;

import io.serverpulse.common.commands.ChannelTypes;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.commands.SettingsChange;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /add-collect-channel #channel} and {@code /remove-collect-channel #channel}: the whitelist
 * of channels whose messages and reactions are counted. Removing a channel stops counting; what was
 * counted stays until retention removes it.
 */
public final class CollectChannelCommand implements Command {

    public static final String ADD = "add-collect-channel";
    public static final String REMOVE = "remove-collect-channel";

    private final boolean add;

    private CollectChannelCommand(boolean add) {
        this.add = add;
    }

    public static CollectChannelCommand add() {
        return new CollectChannelCommand(true);
    }

    public static CollectChannelCommand remove() {
        return new CollectChannelCommand(false);
    }

    @Override
    public CommandDefinition definition() {
        String name = add ? ADD : REMOVE;
        return CommandDefinition.admin(name, OptionDefinition.channel(name, "channel", true,
                add ? ChannelTypes.COLLECTABLE : List.of()));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        // a collected channel can be removed whatever its type is now
        long channelId = add ? context.requiredChannel("channel", Set.copyOf(ChannelTypes.COLLECTABLE))
                : context.requiredChannel("channel");
        String mention = "<#" + channelId + ">";
        SettingsChange change = context.updateSettings(current -> {
            Set<Long> channels = new TreeSet<>(current.collectChannels());
            boolean changed = add ? channels.add(channelId) : channels.remove(channelId);
            return changed ? current.withCollectChannels(channels, context.now()) : current;
        });
        String text = change.changed()
                ? context.texts().get(add ? "channels.collect-added" : "channels.collect-removed", mention,
                        change.after().collectChannels().size())
                : context.texts().get(add ? "channels.already-collected" : "channels.not-collected", mention);
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(text)));
    }

}
