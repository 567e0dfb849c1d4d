package io.serverpulse.common.commands.sentiment;

import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.Period;
import java.util.List;

/**
 * {@code /sentiment on}, {@code /sentiment off} and {@code /sentiment summary [24h|7d|30d]}: a guild's
 * opt-in to sentiment counts, and what was counted. The whole command needs Manage Server (registered
 * so, and re-checked from the payload): the mood of a community is for its admins to look at first.
 *
 * <p>Whether this deployment scores messages at all is the operator's choice (the MESSAGE_CONTENT
 * intent): without it {@code on} still saves the guild's choice but says plainly that nothing will be
 * counted, and {@code summary} and {@code /serverpulse status} say why they show nothing. Every answer
 * is private.
 */
public final class SentimentCommand implements Command {

    public static final String NAME = "sentiment";
    static final List<Period> PERIODS = List.of(Period.LAST_24_HOURS, Period.LAST_7_DAYS, Period.LAST_30_DAYS);

    private final boolean scoring;

    /** @param scoring whether this deployment scores message sentiment (the operator enabled message content) */
    public SentimentCommand(boolean scoring) {
        this.scoring = scoring;
    }

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME,
                OptionDefinition.subCommand(NAME, "on", List.of()),
                OptionDefinition.subCommand(NAME, "off", List.of()),
                OptionDefinition.subCommand(NAME, "summary", List.of(
                        OptionDefinition.choice(NAME + ".summary", "period", false, "choice.period",
                                PERIODS.stream().map(Period::label).toList()))));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        return switch (context.subCommand()) {
            case "on" -> turn(context, true);
            case "off" -> turn(context, false);
            case "summary" -> summary(context);
            default -> throw new BadInputException("error.unknown-command");
        };
    }

    private InteractionOutcome turn(CommandContext context, boolean on) {
        Texts texts = context.texts();
        boolean changed = context.updateSettings(current -> current.sentimentEnabled() == on ? current
                : current.withSentiment(on, context.now())).changed();
        StringBuilder text = new StringBuilder();
        if (on) {
            text.append(texts.get(changed ? "sentiment.on" : "sentiment.already-on"))
                    .append('\n').append(texts.get("sentiment.kept"))
                    .append('\n').append(texts.get(scoring ? "sentiment.see-summary" : "sentiment.operator-off"));
        } else {
            text.append(texts.get(changed ? "sentiment.off" : "sentiment.already-off"));
        }
        return reply(MessageBody.ephemeralText(text.toString()));
    }

    private InteractionOutcome summary(CommandContext context) {
        Texts texts = context.texts();
        String label = context.string("period").orElse(Period.LAST_7_DAYS.label());
        Period period = Period.fromLabel(label).filter(PERIODS::contains)
                .orElseThrow(() -> new BadInputException("error.invalid-option", context.label("period")));
        boolean enabled = context.settings().sentimentEnabled();
        SentimentSummary summary = SentimentSummary.load(context.store(), context.guildId(), period, context.now());
        if (summary.isEmpty()) {
            return reply(MessageBody.ephemeralText(emptyText(enabled, period, texts)));
        }
        return reply(MessageBody.embeds(true, SentimentView.embed(summary, enabled, scoring, texts)));
    }

    private String emptyText(boolean enabled, Period period, Texts texts) {
        if (!enabled) {
            return texts.get("sentiment.summary.not-on") + (scoring ? "" : "\n" + texts.get("sentiment.summary.operator-off"));
        }
        if (!scoring) {
            return texts.get("sentiment.summary.not-available");
        }
        return texts.get("sentiment.summary.empty", SentimentView.periodName(period, texts));
    }

    private static InteractionOutcome reply(MessageBody body) {
        return new InteractionOutcome.Respond(InteractionResponse.message(body));
    }
}
