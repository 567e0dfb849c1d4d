package io.serverpulse.common.commands.retention;

import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.SettingsChange;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.retention.RetentionPolicy;
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
        RetentionPolicy policy = context.store().retentionPolicy();
        int metrics = days(context, "metrics", METRICS_MIN, METRICS_MAX)
                .orElseThrow(() -> new BadInputException("error.missing-option", context.label("metrics")));
        Optional<Integer> leaderboards = days(context, "leaderboards", LEADERBOARDS_MIN, LEADERBOARDS_MAX);
        Optional<Integer> summaries = days(context, "summaries", SUMMARIES_MIN, SUMMARIES_MAX);
        SettingsChange stored = context.updateSettings(change(policy, metrics, leaderboards, summaries, context.now()));
        Retention before = policy.inForce(stored.before());
        Retention chosen = stored.after().retention();
        String text = context.texts().get("retention.set", chosen.metricsDays(), chosen.leaderboardDays(), chosen.summaryDays())
                + "\n" + context.texts().get(shorter(chosen, before) ? "retention.shorter" : "retention.restamped");
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(text)));
    }

    /**
     * The settings change this command makes, a pure function of the stored settings (the store may
     * apply it more than once): the given days, and for a value left out the one in force.
     */
    public static UnaryOperator<GuildSettings> change(RetentionPolicy policy, int metrics, Optional<Integer> leaderboards,
                                                      Optional<Integer> summaries, Instant now) {
        return settings -> {
            Retention inForce = policy.inForce(settings);
            return settings.withRetention(new Retention(metrics, leaderboards.orElse(inForce.leaderboardDays()),
                    summaries.orElse(inForce.summaryDays())), now);
        };
    }

    private static Optional<Integer> days(CommandContext context, String option, int min, int max) {
        Optional<Long> given = context.integer(option);
        if (given.isPresent() && (given.get() < min || given.get() > max)) {
            throw new BadInputException("retention.out-of-range", context.label(option), min, max);
        }
        return given.map(Long::intValue);
    }

    private static boolean shorter(Retention chosen, Retention before) {
        return chosen.metricsDays() < before.metricsDays() || chosen.leaderboardDays() < before.leaderboardDays()
                || chosen.summaryDays() < before.summaryDays();
    }
}
