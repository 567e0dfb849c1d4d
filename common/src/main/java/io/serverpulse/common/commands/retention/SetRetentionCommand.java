package io.serverpulse.common.commands.retention;

import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code /set-retention metrics:<days> [leaderboards:<days>] [summaries:<days>]} (Manage Server):
 * how long this guild's data is kept. An option left out keeps the value in force. Rows written
 * from now on get the new expiry at once; the collector re-stamps the existing rows in the
 * background (on the settings change it sees), and the hourly sweep then deletes what is older.
 */
public final class SetRetentionCommand implements Command {

    public static final String NAME = "set-retention";
    public static final int METRICS_MIN = 7;
    public static final int METRICS_MAX = 365;
    public static final int LEADERBOARDS_MIN = 1;
    public static final int LEADERBOARDS_MAX = 365;
    public static final int SUMMARIES_MIN = 7;
    public static final int SUMMARIES_MAX = 730;

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME,
                OptionDefinition.integer(NAME, "metrics", true, METRICS_MIN, METRICS_MAX),
                OptionDefinition.integer(NAME, "leaderboards", false, LEADERBOARDS_MIN, LEADERBOARDS_MAX),
                OptionDefinition.integer(NAME, "summaries", false, SUMMARIES_MIN, SUMMARIES_MAX));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        GuildSettings settings = context.settings();
        Retention inForce = context.store().retentionPolicy().inForce(settings);
        Retention chosen = new Retention(
                days(context, "metrics", Optional.empty(), METRICS_MIN, METRICS_MAX),
                days(context, "leaderboards", Optional.of(inForce.leaderboardDays()), LEADERBOARDS_MIN, LEADERBOARDS_MAX),
                days(context, "summaries", Optional.of(inForce.summaryDays()), SUMMARIES_MIN, SUMMARIES_MAX));
        context.save(change(chosen, context.now()).apply(settings));
        String text = context.texts().get("retention.set", chosen.metricsDays(), chosen.leaderboardDays(), chosen.summaryDays())
                + "\n" + context.texts().get(shorter(chosen, inForce) ? "retention.shorter" : "retention.restamped");
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(text)));
    }

    /** The settings change this command makes: a pure function, so that it can be applied atomically by the store. */
    public static UnaryOperator<GuildSettings> change(Retention chosen, Instant now) {
        return settings -> settings.withRetention(chosen, now);
    }

    private static int days(CommandContext context, String option, Optional<Integer> fallback, int min, int max) {
        Optional<Long> given = context.integer(option);
        if (given.isEmpty()) {
            return fallback.orElseThrow(() -> new BadInputException("error.missing-option", context.label(option)));
        }
        long days = given.get();
        if (days < min || days > max) {
            throw new BadInputException("retention.out-of-range", context.label(option), min, max);
        }
        return (int) days;
    }

    private static boolean shorter(Retention chosen, Retention before) {
        return chosen.metricsDays() < before.metricsDays() || chosen.leaderboardDays() < before.leaderboardDays()
                || chosen.summaryDays() < before.summaryDays();
    }
}
