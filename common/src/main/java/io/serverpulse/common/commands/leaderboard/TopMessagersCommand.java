package io.serverpulse.common.commands.leaderboard;

import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.DeferredContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /topmessagers [24h|7d|30d|all]}: the guild's most active members. With fewer than
 * {@link #CHART_MINIMUM} members it answers at once; with more it answers DEFERRED and the worker
 * adds a bar chart, whose rendering may not fit the 3-second budget on a cold start. Whether to defer
 * is known from the period's kept settled days when they already list enough members (one cached row
 * read: {@link PeriodTop#settledMembers}); otherwise the leaderboard is read.
 */
public final class TopMessagersCommand implements Command {

    public static final String NAME = "topmessagers";
    public static final int CHART_MINIMUM = 3;
    public static final String CHART_FILE = "topmessagers.png";

    private final LeaderboardChart chart;

    public TopMessagersCommand(LeaderboardChart chart) {
        this.chart = chart;
    }

    static OptionDefinition periodOption(String command) {
        return OptionDefinition.choice(command, "period", false, "choice.period",
                Arrays.stream(Period.values()).map(Period::label).toList());
    }

    static Period period(String label) {
        return Period.fromLabel(label).orElseThrow(() -> new BadInputException("error.invalid-option", "period"));
    }

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.everyone(NAME, periodOption(NAME));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        Period period = period(context.string("period").orElse(Period.LAST_7_DAYS.label()));
        if (PeriodTop.settledMembers(context.store(), context.guildId(), BucketKey.ALL_CHANNELS, period, context.now())
                >= CHART_MINIMUM) {
            // enough members for a chart already in the period's settled days, as kept today: defer at once
            return new InteractionOutcome.Defer(InteractionResponse.deferred(false),
                    context.deferredWork(NAME, Map.of("period", period.label())));
        }
        LeaderboardData data = LeaderboardData.load(context.store(), context.guildId(), BucketKey.ALL_CHANNELS, period,
                context.now());
        if (data.isEmpty()) {
            return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(LeaderboardView.emptyText(
                    context.texts().get("leaderboard.empty", LeaderboardView.periodName(period, context.texts())), data,
                    context.texts()))));
        }
        if (data.entries().size() < CHART_MINIMUM) {
            return new InteractionOutcome.Respond(InteractionResponse.message(
                    MessageBody.embeds(false, LeaderboardView.embed(data, context.texts(), null))));
        }
        return new InteractionOutcome.Defer(InteractionResponse.deferred(false),
                context.deferredWork(NAME, Map.of("period", period.label())));
    }

    @Override
    public MessageBody completeDeferred(DeferredContext context) {
        Texts texts = context.texts();
        Period period = period(context.work().arg("period"));
        LeaderboardData data = LeaderboardData.load(context.store(), context.guildId(), BucketKey.ALL_CHANNELS, period,
                context.now());
        if (data.isEmpty()) {
            return MessageBody.text(LeaderboardView.emptyText(texts.get("leaderboard.empty",
                    LeaderboardView.periodName(period, texts)), data, texts));
        }
        if (data.entries().size() < CHART_MINIMUM) {
            return MessageBody.embeds(false, LeaderboardView.embed(data, texts, null));
        }
        Embed embed = LeaderboardView.embed(data, texts, CHART_FILE);
        FileAttachment png = chart.render(CHART_FILE, embed.title(), data.entries(), texts);
        if (png.size() > context.work().attachmentSizeLimit()) {
            return MessageBody.embeds(false, LeaderboardView.embed(data, texts, null));
        }
        return MessageBody.embeds(false, embed).withFiles(List.of(png));
    }
}
