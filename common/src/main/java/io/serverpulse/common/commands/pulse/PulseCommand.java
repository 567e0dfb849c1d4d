package io.serverpulse.common.commands.pulse;

import io.serverpulse.common.ai.AiServices;
import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.DeferredContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.digest.ChannelNames;
import io.serverpulse.common.digest.DigestComposer;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestSummaries;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code /pulse [24h|7d|30d]}: the digest's report for the last 24 hours, 7 or 30 days, now, with its charts,
 * so nobody waits for the schedule. Open to every member, like {@code /topmessagers} (admins can restrict it
 * with Discord's own command permissions); answered DEFERRED, because the charts take longer than Discord's
 * three seconds on a cold start, and shown to the channel in the member's language. With an AI provider the guild's
 * summary of the same numbers sits beside the rule-written paragraph (cached: a repeated {@code /pulse} over the
 * same numbers asks no provider again), waited for at most {@link AiServices#pulsePolicy()}'s budget.
 */
public final class PulseCommand implements Command {

    public static final String NAME = "pulse";
    static final List<DigestPeriod.Kind> PERIODS =
            List.of(DigestPeriod.Kind.LAST_24_HOURS, DigestPeriod.Kind.LAST_7_DAYS, DigestPeriod.Kind.LAST_30_DAYS);

    private final ChannelNames channelNames;
    private final AiServices ai;

    /** @param ai the guild's providers write the summary beside the rule-written paragraph, within {@link AiServices#pulsePolicy()} */
    public PulseCommand(ChannelNames channelNames, AiServices ai) {
        this.channelNames = channelNames;
        this.ai = ai;
    }

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.everyone(NAME, OptionDefinition.choice(NAME, "period", false, "choice.period",
                PERIODS.stream().map(DigestPeriod.Kind::label).toList()));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        DigestPeriod.Kind kind = kind(context.string("period").orElse(DigestPeriod.Kind.LAST_7_DAYS.label()), context.label("period"));
        return new InteractionOutcome.Defer(InteractionResponse.deferred(false),
                context.deferredWork(NAME, Map.of("period", kind.label())));
    }

    @Override
    public MessageBody completeDeferred(DeferredContext context) {
        DigestPeriod.Kind kind = kind(context.work().arg("period"), "period");
        GuildSettings settings = context.store().settings(context.guildId());
        DigestPeriod period = DigestPeriod.onDemand(kind, settings.zone(), context.now());
        DigestSummaries summaries = DigestSummaries.of(ai.summaries(context.store(), Clock.systemUTC(), ai.pulsePolicy()));
        DigestComposer composer = DigestComposer.of(context.store(), channelNames, summaries);
        return composer.compose(settings, period, context.texts(), context.texts().get("digest.footer.pulse"),
                context.work().attachmentSizeLimit()).message();
    }

    private static DigestPeriod.Kind kind(String label, String optionName) {
        return DigestPeriod.Kind.fromLabel(label).filter(PERIODS::contains)
                .orElseThrow(() -> new BadInputException("error.invalid-option", optionName));
    }
}
