package io.serverpulse.common.commands.askpulse;

import io.serverpulse.common.ai.AiFailure;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.ai.AiServices;
import io.serverpulse.common.ai.AnswerCleaner;
import io.serverpulse.common.ai.AskPrompt;
import io.serverpulse.common.ai.ProviderChain;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.DeferredContext;
import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.digest.DigestBuilder;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.digest.DigestSummaryInput;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /askpulse question:<text>}: a member's question about the guild's own numbers, answered by the guild's AI
 * providers (in order, within {@link AiServices#askPolicy()}) from a compact table of aggregates
 * ({@link AskPrompt}: counts, changes, ranks, hours; no id, name or message text). The question is the only free
 * text sent, only to the guild's own providers, and never logged. Open to every member; answered DEFERRED and
 * ephemeral, in the guild's language; limited per member and per guild ({@link AskLimits}), saying the limit when
 * it is reached. Without a provider with a key, the answer says so at once.
 */
public final class AskPulseCommand implements Command {

    public static final String NAME = "askpulse";
    public static final int QUESTION_MIN = 5;
    public static final int QUESTION_MAX = 300;
    /** The answer's longest text, leaving room for mentions and the "answered by" line within 2,000 characters. */
    static final int ANSWER_MAX = 1400;
    private static final int CONTENT_MAX = 1700;
    private static final Logger LOG = LoggerFactory.getLogger(AskPulseCommand.class);

    private final AiServices ai;

    public AskPulseCommand(AiServices ai) {
        this.ai = ai;
    }

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.everyone(NAME, OptionDefinition.string(NAME, "question", true, QUESTION_MIN, QUESTION_MAX));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        GuildSettings settings = context.settings();
        Texts texts = Texts.forLocale(settings.locale());
        String question = context.string("question").map(String::strip).orElse("");
        if (question.length() < QUESTION_MIN || question.length() > QUESTION_MAX) {
            return reply(texts.get("askpulse.question-invalid", QUESTION_MIN, QUESTION_MAX));
        }
        if (settings.aiChain().stream().noneMatch(AiProviderEntry::hasKey)) {
            return reply(texts.get("askpulse.no-provider"));
        }
        if (ai.sealer().isEmpty()) {
            return reply(texts.get("askpulse.no-master-key"));
        }
        long member = context.userId();
        AskLimits.Outcome taken = new AskLimits(context.store()).take(context.guildId(), member, context.now());
        if (taken instanceof AskLimits.Refusal refusal) {
            LOG.info("/askpulse refused in guild {}: the {} limit of {} is reached", context.guildId(),
                    refusal.memberLimit() ? "member's" : "guild's", refusal.limit());
            String until = "<t:" + refusal.until().getEpochSecond() + ":R>";
            return reply(texts.get(refusal.memberLimit() ? "askpulse.limit-member" : "askpulse.limit-guild", refusal.limit(), until));
        }
        AskLimits.Accepted accepted = (AskLimits.Accepted) taken;
        return new InteractionOutcome.Defer(InteractionResponse.deferred(true), context.deferredWork(NAME, Map.of(
                DeferredWork.FREE_TEXT, question,
                "member_left", Long.toString(accepted.memberLeft()),
                "guild_left", Long.toString(accepted.guildLeft()))));
    }

    @Override
    public MessageBody completeDeferred(DeferredContext context) {
        GuildSettings settings = context.store().settings(context.guildId());
        Texts texts = Texts.forLocale(settings.locale());
        String question = Optional.ofNullable(context.work().arg(DeferredWork.FREE_TEXT)).orElse("").strip();
        DigestReport week = report(context.store(), settings, DigestPeriod.Kind.LAST_7_DAYS, context.now());
        DigestReport month = report(context.store(), settings, DigestPeriod.Kind.LAST_30_DAYS, context.now());
        AskPrompt.Table table = new AskPrompt.Table(DigestSummaryInput.of(week, texts.language()),
                DigestSummaryInput.of(month, texts.language()), byHour(week), byWeekday(week));
        ProviderChain.Policy policy = ai.askPolicy();
        ProviderChain.Result result = ai.chain().run(context.guildId(), settings.aiChain(), AskPrompt.of(table, question), policy,
                raw -> AnswerCleaner.clean(raw, ANSWER_MAX));
        if (result.answer().isEmpty()) {
            LOG.info("/askpulse in guild {}: no provider could answer ({})", context.guildId(), result.attempts());
            return MessageBody.text(failure(result.attempts(), policy, texts));
        }
        ProviderChain.Answer answer = result.answer().get();
        LOG.info("/askpulse in guild {} answered by {} ({})", context.guildId(), answer.provider().option(), result.attempts());
        String shown = AnswerCleaner.withRankMentions(answer.text(), DigestSummaryInput.memberRanks(week),
                DigestSummaryInput.channelRanks(week), DigestSummaryInput.voiceRanks(week));
        String by = texts.get("askpulse.answered-by", texts.get("choice.ai." + answer.provider().option()), answer.model(),
                Long.parseLong(context.work().args().getOrDefault("member_left", "0")),
                Long.parseLong(context.work().args().getOrDefault("guild_left", "0")));
        return MessageBody.text((shown.length() <= CONTENT_MAX ? shown : answer.text()) + "\n" + by);
    }

    private static DigestReport report(Store store, GuildSettings settings, DigestPeriod.Kind kind, Instant now) {
        return new DigestBuilder(store, store, store, store).build(settings, DigestPeriod.onDemand(kind, settings.zone(), now));
    }

    private static List<Long> byHour(DigestReport report) {
        List<Long> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            long sum = 0;
            for (DayOfWeek day : DayOfWeek.values()) {
                sum += report.heatmap().get(day, hour);
            }
            hours.add(sum);
        }
        return hours;
    }

    private static List<Long> byWeekday(DigestReport report) {
        List<Long> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            long sum = 0;
            for (int hour = 0; hour < 24; hour++) {
                sum += report.heatmap().get(day, hour);
            }
            days.add(sum);
        }
        return days;
    }

    /** Why no answer came, in plain words: the last provider's failure, or that no key could be used. */
    private static String failure(List<ProviderChain.Attempt> attempts, ProviderChain.Policy policy, Texts texts) {
        Optional<ProviderChain.Attempt> tried = attempts.stream()
                .filter(a -> a.outcome() == ProviderChain.Outcome.FAILED || a.outcome() == ProviderChain.Outcome.NO_TIME_LEFT)
                .reduce((first, second) -> second);
        if (tried.isEmpty()) {
            return texts.get("askpulse.failed-none");
        }
        AiFailure.Kind kind = tried.get().failure() == null ? AiFailure.Kind.TIMEOUT : tried.get().failure();
        return texts.get("askpulse.failed", texts.get("ai.failure." + kind.name(), policy.callTimeout().toSeconds()));
    }

    private static InteractionOutcome reply(String text) {
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(text)));
    }
}
