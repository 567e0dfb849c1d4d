package io.serverpulse.common.commands.setup;

import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.ChannelTypes;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * {@code /setup}: an ephemeral wizard whose selects and buttons save each choice at once and redraw
 * the wizard (UPDATE_MESSAGE). Re-runnable: it always opens on the current settings.
 *
 * <p>Stable custom ids (see {@link SetupWizard}): {@code setup:update-channel},
 * {@code setup:collect-channels}, {@code setup:digest}, {@code setup:alerts-on},
 * {@code setup:alerts-off}, {@code setup:done}.
 */
public final class SetupCommand implements Command {

    public static final String NAME = "setup";

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME);
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        return new InteractionOutcome.Respond(InteractionResponse.message(
                SetupWizard.render(context.settings(), context.texts(), true)));
    }

    @Override
    public InteractionOutcome onComponent(CommandContext context) {
        Instant now = context.now();
        UnaryOperator<GuildSettings> change = switch (context.componentAction()) {
            case SetupWizard.UPDATE_CHANNEL -> {
                long channel = singleChannel(context);
                yield current -> current.withUpdateChannel(channel, now);
            }
            case SetupWizard.COLLECT_CHANNELS -> {
                Set<Long> channels = channels(context);
                yield current -> {
                    if (current.collectChannels().size() > SetupWizard.MAX_SELECTED) {
                        // the select cannot show them all: replacing the list would silently drop channels
                        throw new BadInputException("setup.too-many-channels", current.collectChannels().size());
                    }
                    return current.withCollectChannels(channels, now);
                };
            }
            case SetupWizard.DIGEST -> {
                DigestFrequency frequency = digest(context);
                yield current -> current.withDigest(frequency, now);
            }
            case SetupWizard.ALERTS_ON -> current -> allAlerts(current, true, now);
            case SetupWizard.ALERTS_OFF -> current -> allAlerts(current, false, now);
            case SetupWizard.DONE -> null;
            default -> throw new BadInputException("error.unknown-component");
        };
        if (change == null) {
            return new InteractionOutcome.Respond(InteractionResponse.updateMessage(
                    SetupWizard.finished(context.settings(), context.texts())));
        }
        MessageBody wizard = SetupWizard.render(context.updateSettings(change).after(), context.texts(), false);
        return new InteractionOutcome.Respond(InteractionResponse.updateMessage(wizard));
    }

    private static long singleChannel(CommandContext context) {
        List<String> values = context.values();
        if (values.size() != 1) {
            throw new BadInputException("error.invalid-selection");
        }
        long id = CommandContext.snowflake(values.get(0)).orElseThrow(() -> new BadInputException("error.invalid-selection"));
        context.checkChannel(id, Set.copyOf(ChannelTypes.POSTABLE));
        return id;
    }

    private static Set<Long> channels(CommandContext context) {
        List<String> values = context.values();
        if (values.size() > SetupWizard.MAX_SELECTED) {
            throw new BadInputException("error.invalid-selection");
        }
        Set<Long> ids = new TreeSet<>();
        for (String value : values) {
            long id = CommandContext.snowflake(value).orElseThrow(() -> new BadInputException("error.invalid-selection"));
            context.checkChannel(id, Set.copyOf(ChannelTypes.COLLECTABLE));
            ids.add(id);
        }
        return ids;
    }

    private static DigestFrequency digest(CommandContext context) {
        List<String> values = context.values();
        if (values.size() != 1) {
            throw new BadInputException("error.invalid-selection");
        }
        return DigestFrequency.fromOption(values.get(0)).filter(DigestFrequency.OFFERED::contains)
                .orElseThrow(() -> new BadInputException("error.invalid-selection"));
    }

    private static GuildSettings allAlerts(GuildSettings settings, boolean on, Instant now) {
        GuildSettings updated = settings;
        for (AlertType type : AlertType.values()) {
            updated = updated.withAlert(type, updated.alert(type).withEnabled(on), now);
        }
        return updated;
    }
}
