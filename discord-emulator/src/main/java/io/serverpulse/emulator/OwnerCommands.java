package io.serverpulse.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.serverpulse.emulator.state.GuildState;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A guild's owner (or a member) using a bot's slash commands, as an admin sets a bot up in Discord: the command is
 * sent the way Discord would send it to that bot (over the gateway as INTERACTION_CREATE, which is
 * how a self-hosted ServerPulse answers; or, when the application has an interactions endpoint URL,
 * signed and POSTed there), and the answer is read back as the owner sees it.
 */
public final class OwnerCommands {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final DiscordEmulator discord;
    private final URI endpoint;

    /** Commands over the gateway. */
    public OwnerCommands(DiscordEmulator discord) {
        this(discord, null);
    }

    /** Commands POSTed to {@code endpoint} (the bot's HTTP interactions endpoint), or over the gateway when null. */
    public OwnerCommands(DiscordEmulator discord, URI endpoint) {
        this.discord = Objects.requireNonNull(discord, "discord");
        this.endpoint = endpoint;
    }

    /** Waits until the bot has registered {@code /name} (globally or in the guild); false on timeout. */
    public boolean awaitRegistered(long guildId, String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (discord.state().locked(() -> discord.state().commands().find(guildId, name)).isEmpty()) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return true;
    }

    /**
     * The owner of the channel's guild runs {@code /name} with {@code options} in that channel.
     *
     * @return the interaction, whose answer {@link #answer} waits for
     */
    public PendingInteraction run(long channelId, String name, ArrayNode options) {
        long guildId = discord.state().channel(channelId)
                .orElseThrow(() -> new IllegalArgumentException("unknown channel " + channelId)).guildId();
        long owner = discord.state().guild(guildId).map(GuildState::ownerId).orElseThrow();
        return runAs(owner, channelId, name, options);
    }

    /** Member {@code userId} runs {@code /name} in the channel (the same way as the owner's commands). */
    public PendingInteraction runAs(long userId, long channelId, String name, ArrayNode options) {
        PendingInteraction interaction = discord.newSlashCommand(channelId, userId, name, options);
        if (endpoint == null) {
            discord.dispatchInteraction(interaction);
        } else {
            discord.sendInteraction(endpoint, interaction.payload());
        }
        return interaction;
    }

    /** Runs {@code /name} and waits for its answer; empty when none came within {@code timeout}. */
    public Optional<StoredMessage> runAndAwait(long channelId, String name, ArrayNode options, Duration timeout) {
        return answer(run(channelId, name, options).id(), timeout);
    }

    /**
     * The bot's answer to an interaction as the member sees it: the message it became (a deferred
     * answer once it is edited in), waiting up to {@code timeout}.
     */
    public Optional<StoredMessage> answer(long interactionId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<StoredMessage> answer = discord.recorded().messages().stream()
                    .filter(m -> m.interactionId() != null && m.interactionId() == interactionId)
                    .filter(m -> (m.flags() & StoredMessage.FLAG_LOADING) == 0)
                    .findFirst();
            if (answer.isPresent() || System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                return answer;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** A command's options: a channel option {@code name} = {@code channelId}. */
    public static ArrayNode channelOption(String name, long channelId) {
        ArrayNode options = JSON.arrayNode();
        options.addObject().put("name", name).put("type", 7).put("value", Long.toUnsignedString(channelId));
        return options;
    }

    /** A command's options: sub-command {@code name} with string options {@code name, value, name, value, …}. */
    public static ArrayNode subcommand(String name, String... stringOptions) {
        if (stringOptions.length % 2 != 0) {
            throw new IllegalArgumentException("string options come in name, value pairs");
        }
        ArrayNode options = JSON.arrayNode();
        ArrayNode inner = options.addObject().put("name", name).put("type", 1).putArray("options");
        for (int i = 0; i < stringOptions.length; i += 2) {
            inner.addObject().put("name", stringOptions[i]).put("type", 3).put("value", stringOptions[i + 1]);
        }
        return options;
    }

    /** A command's options: string options {@code name, value, name, value, …}. */
    public static ArrayNode strings(String... stringOptions) {
        if (stringOptions.length % 2 != 0) {
            throw new IllegalArgumentException("string options come in name, value pairs");
        }
        ArrayNode options = JSON.arrayNode();
        for (int i = 0; i < stringOptions.length; i += 2) {
            options.addObject().put("name", stringOptions[i]).put("type", 3).put("value", stringOptions[i + 1]);
        }
        return options;
    }
}
