package io.serverpulse.common.commands.status;

import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.commands.ai.AiProviderCommand;
import io.serverpulse.common.commands.alerts.AlertTexts;
import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.commands.sentiment.SentimentView;
import io.serverpulse.common.digest.DigestSchedule;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /serverpulse status}: the guild's configuration (never the AI key, only whether one is set)
 * and the health of collection: whether the store answers (never which store it is or where: on a public bot
 * every guild's admins would learn the operator's database host), the last hour in which activity was counted,
 * how many events of the last days could not be counted (the collector was overloaded:
 * {@link Counter#DROPPED_EVENTS}), and whether sentiment is counted (and can be, on this deployment).
 */
public final class StatusCommand implements Command {

    public static final String NAME = "serverpulse";
    /** How far back "last activity" looks. */
    public static final Duration ACTIVITY_LOOKBACK = Duration.ofDays(3);
    private static final int MAX_LISTED_CHANNELS = 30;

    private final boolean sentimentScoring;

    /** @param sentimentScoring whether this deployment scores message sentiment (the operator enabled message content) */
    public StatusCommand(boolean sentimentScoring) {
        this.sentimentScoring = sentimentScoring;
    }

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME, OptionDefinition.subCommand(NAME, "status", List.of()));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        if (!"status".equals(context.subCommand())) {
            throw new BadInputException("error.unknown-command");
        }
        Texts texts = context.texts();
        Store store = context.store();
        Embed.Builder embed = Embed.builder().title(texts.get("status.title"));
        if (!store.healthy()) {
            embed.color(0xED4245).description(texts.get("status.store-down"));
            return reply(embed.build());
        }
        Optional<GuildSettings> saved = store.findSettings(context.guildId());
        GuildSettings settings = saved.orElseGet(() -> GuildSettings.defaults(context.guildId()));
        embed.field(texts.get("status.update-channel"), settings.updateChannelId() == null ? texts.get("status.not-set")
                : "<#" + Long.toUnsignedString(settings.updateChannelId()) + ">", true);
        embed.field(texts.get("status.digest"), digest(settings, texts)
                + (settings.digest().posts() && saved.isEmpty() ? "\n" + texts.get("status.digest-not-started") : ""), false);
        embed.field(texts.get("status.collected", settings.collectChannels().size()), channels(settings, texts), false);
        embed.field(texts.get("status.alerts"), alerts(settings, texts), false);
        embed.field(texts.get("status.ai"), ai(settings, texts), true);
        embed.field(texts.get("status.sentiment"), SentimentView.status(settings, sentimentScoring, texts), true);
        Retention retention = store.retentionPolicy().inForce(settings);
        embed.field(texts.get("status.retention"), texts.get("status.retention-value", retention.metricsDays(),
                retention.leaderboardDays(), retention.summaryDays())
                + (settings.retention() == null ? " " + texts.get("status.retention-default") : ""), true);
        embed.field(texts.get("status.health"), health(store, context.guildId(), context.now(), texts), false);
        return reply(embed.build());
    }

    private static InteractionOutcome reply(Embed embed) {
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.embeds(true, embed)));
    }

    /** How often and when, in the guild's time zone (the zone shown even when digests are off). */
    private static String digest(GuildSettings settings, Texts texts) {
        String zone = settings.zone().getId();
        Optional<DigestSchedule> schedule = DigestSchedule.of(settings.digest(), settings.zone());
        if (schedule.isEmpty()) {
            return texts.get("status.digest." + settings.digest().option(), zone);
        }
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale()).format(schedule.get().time());
        return texts.get("status.digest." + settings.digest().option(), time, zone)
                + (settings.updateChannelId() == null ? " " + texts.get("status.digest-needs-channel") : "");
    }

    private static String channels(GuildSettings settings, Texts texts) {
        if (settings.collectChannels().isEmpty()) {
            return texts.get("status.collected-none");
        }
        String listed = settings.collectChannels().stream().limit(MAX_LISTED_CHANNELS)
                .map(id -> "<#" + Long.toUnsignedString(id) + ">").collect(Collectors.joining(" "));
        int more = settings.collectChannels().size() - MAX_LISTED_CHANNELS;
        return more > 0 ? listed + " " + texts.get("status.and-more", more) : listed;
    }

    private static String alerts(GuildSettings settings, Texts texts) {
        StringBuilder lines = new StringBuilder();
        for (AlertType type : AlertType.values()) {
            lines.append("**").append(AlertTexts.typeName(type, texts)).append("** — ")
                    .append(AlertTexts.describe(type, settings.alert(type), texts)).append('\n');
        }
        return lines.toString().strip();
    }

    /** The guild's AI providers in the order they are tried, one line each. */
    private static String ai(GuildSettings settings, Texts texts) {
        if (settings.aiChain().isEmpty()) {
            return texts.get("status.ai-none");
        }
        List<AiProviderEntry> chain = settings.aiChain();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            AiProviderEntry entry = chain.get(i);
            lines.append(chain.size() > 1 ? (i + 1) + ". " : "")
                    .append(texts.get("status.ai-value", AiProviderCommand.providerName(entry.provider(), texts),
                            entry.model() == null ? texts.get("ai.model-default") : entry.model(),
                            texts.get(entry.hasKey() ? "status.yes" : "status.no")))
                    .append('\n');
        }
        return lines.toString().strip();
    }

    /** Whether a row holds any activity counted (not only events that could not be). */
    private static boolean counted(BucketRow row) {
        return row.counters().entrySet().stream().anyMatch(e -> e.getKey() != Counter.DROPPED_EVENTS && e.getValue() > 0);
    }

    private static String health(Store store, long guildId, Instant now, Texts texts) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        List<BucketRow> rows = store.buckets(BucketKind.CHANNEL_HOUR, guildId, null, null,
                new TimeWindow(end.minus(ACTIVITY_LOOKBACK), end));
        Optional<Instant> last = rows.stream().filter(StatusCommand::counted).map(row -> row.key().start()).max(Instant::compareTo);
        String activity = last.map(hour -> texts.get("status.last-activity", "<t:" + hour.getEpochSecond() + ":f>"))
                .orElseGet(() -> texts.get("status.no-activity", ACTIVITY_LOOKBACK.toDays()));
        long dropped = rows.stream().mapToLong(row -> row.get(Counter.DROPPED_EVENTS)).sum();
        Optional<Instant> lastDrop = rows.stream().filter(row -> row.get(Counter.DROPPED_EVENTS) > 0).map(row -> row.key().start())
                .max(Instant::compareTo);
        String drops = lastDrop.map(hour -> texts.get("status.dropped", dropped, ACTIVITY_LOOKBACK.toDays(),
                        "<t:" + hour.getEpochSecond() + ":f>"))
                .orElseGet(() -> texts.get("status.dropped-none", ACTIVITY_LOOKBACK.toDays()));
        return texts.get("status.store") + "\n" + activity + "\n" + drops;
    }
}
