package io.serverpulse.common.commands.leaderboard;

import io.serverpulse.common.commands.ChannelTypes;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.metrics.Period;

/**
 * {@code /leaderboard #channel [period]}: the most active members of one channel, answered at once
 * (an embed, no chart). A channel that is no longer collected still shows what was counted.
 */
public final class LeaderboardCommand implements Command {

    public static final String NAME = "leaderboard";

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.everyone(NAME,
                OptionDefinition.channel(NAME, "channel", true, ChannelTypes.COLLECTABLE),
                TopMessagersCommand.periodOption(NAME));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        long channelId = context.requiredChannel("channel");
        Period period = TopMessagersCommand.period(context.string("period").orElse(Period.LAST_7_DAYS.label()));
        LeaderboardData data = LeaderboardData.load(context.store(), context.guildId(), channelId, period, context.now());
        String mention = "<#" + Long.toUnsignedString(channelId) + ">";
        if (data.isEmpty()) {
            boolean collected = context.settings().collects(channelId);
            String text = collected
                    ? context.texts().get("leaderboard.channel-empty", mention, LeaderboardView.periodName(period, context.texts()))
                    : context.texts().get("leaderboard.channel-not-collected", mention);
            return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(
                    collected ? LeaderboardView.emptyText(text, data, context.texts()) : text)));
        }
        return new InteractionOutcome.Respond(InteractionResponse.message(
                MessageBody.embeds(false, LeaderboardView.embed(data, context.texts(), null))));
    }

}
