package io.serverpulse.common.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.ai.AiServices;
import io.serverpulse.common.commands.ai.AiProviderCommand;
import io.serverpulse.common.commands.askpulse.AskPulseCommand;
import io.serverpulse.common.commands.alerts.AlertThresholdCommand;
import io.serverpulse.common.commands.alerts.ToggleAlertCommand;
import io.serverpulse.common.commands.channels.CollectChannelCommand;
import io.serverpulse.common.commands.channels.SetUpdateChannelCommand;
import io.serverpulse.common.commands.digest.SetDigestCommand;
import io.serverpulse.common.commands.export.ExportReportCommand;
import io.serverpulse.common.commands.leaderboard.LeaderboardChart;
import io.serverpulse.common.commands.leaderboard.LeaderboardCommand;
import io.serverpulse.common.commands.leaderboard.TopMessagersCommand;
import io.serverpulse.common.commands.privacy.PrivacyCommand;
import io.serverpulse.common.commands.pulse.PulseCommand;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.RegistrationJson;
import io.serverpulse.common.commands.retention.SetRetentionCommand;
import io.serverpulse.common.commands.sentiment.SentimentCommand;
import io.serverpulse.common.commands.setup.SetupCommand;
import io.serverpulse.common.commands.status.StatusCommand;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.digest.ChannelNames;
import io.serverpulse.common.digest.DigestSchedules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands by name, and their registration JSON. */
public final class CommandRegistry {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandRegistry(List<Command> commands) {
        for (Command command : commands) {
            String name = command.definition().name();
            if (this.commands.putIfAbsent(name, command) != null) {
                throw new IllegalArgumentException("two commands named " + name);
            }
        }
    }

    /**
     * ServerPulse's commands. Without a sealer (no {@code SERVERPULSE_MASTER_KEY}), {@code /ai-provider key}
     * explains that the operator must configure one.
     *
     * @param sentimentScoring whether this deployment scores message sentiment for guilds that opt in, i.e. the
     *     operator enabled the MESSAGE_CONTENT intent ({@code ServerPulseConfig#messageContentIntent()}). Without
     *     it {@code /sentiment on} still saves a guild's choice but says that nothing will be counted, and
     *     {@code /serverpulse status} shows sentiment as not available.
     */
    public static CommandRegistry standard(Optional<SecretSealer> sealer, boolean sentimentScoring) {
        return standard(sealer, sentimentScoring, AiEndpoints.defaults());
    }

    /** The same, with the AI providers reached at {@code aiEndpoints} ({@code ServerPulseConfig#aiEndpoints()}). */
    public static CommandRegistry standard(Optional<SecretSealer> sealer, boolean sentimentScoring, AiEndpoints aiEndpoints) {
        return standard(sealer, sentimentScoring, aiEndpoints, ChannelNames.NONE, Optional.empty());
    }

    /**
     * The same, with the channel names of {@code /pulse}'s chart looked up by {@code channelNames} (never stored), and
     * the guilds' digest schedules kept in {@code schedules} (the AWS mode's EventBridge Scheduler):
     * {@code /set-digest} then finishes in the deferred worker by creating, updating or deleting the guild's schedule.
     */
    public static CommandRegistry standard(Optional<SecretSealer> sealer, boolean sentimentScoring, AiEndpoints aiEndpoints,
                                           ChannelNames channelNames, Optional<DigestSchedules> schedules) {
        return standard(sentimentScoring, AiServices.of(aiEndpoints, sealer), channelNames, schedules);
    }

    /**
     * ServerPulse's commands with the AI providers of {@code ai} ({@link AiServices#of(io.serverpulse.common.config.ServerPulseConfig)}:
     * the keys opened with its sealer, {@code /pulse} summaries within its budget, {@code /askpulse}).
     */
    public static CommandRegistry standard(boolean sentimentScoring, AiServices ai, ChannelNames channelNames,
                                           Optional<DigestSchedules> schedules) {
        LeaderboardChart chart = new LeaderboardChart();
        return new CommandRegistry(List.of(
                new SetupCommand(),
                new SetUpdateChannelCommand(),
                CollectChannelCommand.add(),
                CollectChannelCommand.remove(),
                new TopMessagersCommand(chart),
                new LeaderboardCommand(),
                new PulseCommand(channelNames, ai),
                new AskPulseCommand(ai),
                new ToggleAlertCommand(),
                new AlertThresholdCommand(),
                new SetDigestCommand(schedules),
                new SetRetentionCommand(),
                new AiProviderCommand(ai.sealer(), ai.client()),
                new ExportReportCommand(),
                new PrivacyCommand(),
                new SentimentCommand(sentimentScoring),
                new StatusCommand(sentimentScoring)));
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public List<CommandDefinition> definitions() {
        return commands.values().stream().map(Command::definition).toList();
    }

    /** The body of {@code PUT /applications/{application.id}/commands}. */
    public ArrayNode registrationJson() {
        return RegistrationJson.build(definitions());
    }
}
