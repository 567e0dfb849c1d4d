package io.serverpulse.collector.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.state.InteractionCallback;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Slash commands sent through the emulator's gateway, and the answers the bot gave. */
public final class Interactions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Interactions() {
    }

    /** Options as Discord sends them: {@code name, type, value} triples, e.g. {@code ("metrics", 4, 30)}. */
    public static ArrayNode options(Object... nameTypeValue) {
        ArrayNode options = JSON.createArrayNode();
        for (int i = 0; i < nameTypeValue.length; i += 3) {
            ObjectNode option = options.addObject().put("name", (String) nameTypeValue[i]).put("type", (Integer) nameTypeValue[i + 1]);
            Object value = nameTypeValue[i + 2];
            if (value instanceof Number n) {
                option.put("value", n.longValue());
            } else {
                option.put("value", String.valueOf(value));
            }
        }
        return options;
    }

    /** A sub command with its options. */
    public static ArrayNode subCommand(String name, ArrayNode options) {
        ArrayNode top = JSON.createArrayNode();
        top.addObject().put("name", name).put("type", 1).set("options", options);
        return top;
    }

    /** Runs the command as {@code userId} in {@code channelId} and waits for the first answer. */
    public static PendingInteraction run(DiscordEmulator discord, long channelId, long userId, String name, ArrayNode options)
            throws InterruptedException {
        TestBots.awaitCommandsRegistered(discord);
        PendingInteraction interaction = discord.newSlashCommand(channelId, userId, name, options);
        discord.dispatchInteraction(interaction);
        TestBots.awaitAnswer(discord, interaction.id());
        return interaction;
    }

    /** The first answer's data (a message, or a deferral). */
    public static InteractionCallback answer(DiscordEmulator discord, PendingInteraction interaction) {
        return discord.recorded().interactionCallbacks(interaction.id()).get(0);
    }

    /** The content of the first answer. */
    public static String content(DiscordEmulator discord, PendingInteraction interaction) {
        JsonNode data = answer(discord, interaction).data();
        return data == null ? "" : data.path("content").asText();
    }

    /** Waits for the edit that finishes a deferred answer. */
    public static StoredMessage followUp(DiscordEmulator discord, PendingInteraction interaction) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StoredMessage> edited = discord.recorded().messages().stream()
                    .filter(m -> m.interactionId() != null && m.interactionId() == interaction.id() && m.editedAt() != null)
                    .reduce((first, second) -> second);
            if (edited.isPresent()) {
                return edited.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no follow-up for interaction " + interaction.id() + " within 60 s: "
                + List.copyOf(discord.recorded().interactionCallbacks(interaction.id())));
    }
}
