package io.serverpulse.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.state.StoredMessage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The standalone emulator's {@code --setup-bot}: what an admin does after inviting ServerPulse, done
 * by each guild's owner through {@link OwnerCommands}. Once the bot has registered its commands,
 * {@code /add-collect-channel} runs for every channel the scenario collects, so that the bot counts
 * what the timeline posts there (it counts only whitelisted channels).
 */
public final class BotSetup {

    public static final String COMMAND = "add-collect-channel";

    private final OwnerCommands owner;
    private final Duration wait;

    /** @param wait how long to wait for the bot's commands to be registered, and for each answer */
    public BotSetup(OwnerCommands owner, Duration wait) {
        this.owner = owner;
        this.wait = wait;
    }

    /**
     * Sets the bot up in every guild of the scenario, printing each command and the bot's answer.
     *
     * @return whether every command was answered
     */
    public boolean run(Scenario scenario, PrintStream out) {
        boolean complete = true;
        for (Community guild : scenario.communities()) {
            List<Long> channels = scenario.collectedChannelIds(guild);
            if (channels.isEmpty()) {
                continue;
            }
            if (!owner.awaitRegistered(guild.guildId(), COMMAND, wait)) {
                out.println("setup: the bot registered no /" + COMMAND + " for " + guild.name() + " within " + wait.toSeconds()
                        + " s; run it yourself for the channels listed");
                return false;
            }
            for (long channel : channels) {
                String asked = "/" + COMMAND + " channel:#" + name(guild, channel);
                Optional<StoredMessage> answer = owner.runAndAwait(channel, COMMAND, OwnerCommands.channelOption("channel", channel), wait);
                out.println("setup: " + guild.name() + " owner ran " + asked + " → "
                        + answer.map(m -> readable(guild, m)).orElse("no answer within " + wait.toSeconds() + " s"));
                complete &= answer.isPresent();
            }
        }
        return complete;
    }

    private static String name(Community guild, long channelId) {
        return guild.channels().stream().filter(c -> c.id() == channelId).map(Community.Channel::name).findFirst()
                .orElse(Long.toUnsignedString(channelId));
    }

    /** The answer's text (or its first embed's title and description) on one line, channel mentions as names. */
    private static String readable(Community guild, StoredMessage message) {
        String text = message.content();
        if (text.isBlank() && !message.embeds().isEmpty()) {
            JsonNode embed = message.embeds().get(0);
            text = (embed.path("title").asText("") + " " + embed.path("description").asText("")).strip();
        }
        for (Community.Channel channel : guild.channels()) {
            text = text.replace("<#" + Long.toUnsignedString(channel.id()) + ">", "#" + channel.name());
        }
        return text.replace("**", "").replace('\n', ' ');
    }
}
