package io.serverpulse.emulator.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Objects;

/**
 * The message a component belongs to (the bot's own message), sent as {@code message} in a
 * MESSAGE_COMPONENT interaction.
 *
 * @param components the message's components exactly as the bot sent them
 */
public record SourceMessage(long id, long channelId, Entities.User author, String content, JsonNode components, Instant timestamp) {

    public SourceMessage {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(components, "components");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    ObjectNode toJson() {
        ObjectNode message = Entities.JSON.objectNode();
        message.put("id", Long.toUnsignedString(id));
        message.put("channel_id", Long.toUnsignedString(channelId));
        message.put("type", 0);
        message.put("content", content);
        message.set("author", author.toJson());
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.put("mention_everyone", false);
        message.put("pinned", false);
        message.put("tts", false);
        message.put("timestamp", Entities.timestamp(timestamp));
        message.putNull("edited_timestamp");
        message.put("flags", 0);
        message.set("components", withIds(components.deepCopy()));
        return message;
    }

    /**
     * Discord numbers every component of a message it returns ({@code id} 1, 2, 3… depth first, skipping
     * ids the sender chose) where the sender gave none; its MessageResponse schema requires them.
     */
    public static JsonNode withIds(JsonNode components) {
        Set<Integer> taken = new HashSet<>();
        components.forEach(component -> visit(component, node -> {
            if (node.path("id").isInt()) {
                taken.add(node.path("id").asInt());
            }
        }));
        int[] next = {1};
        components.forEach(component -> visit(component, node -> {
            if (node instanceof ObjectNode object && !object.has("id")) {
                while (taken.contains(next[0])) {
                    next[0]++;
                }
                object.put("id", next[0]);
                taken.add(next[0]);
            }
        }));
        return components;
    }

    /** Depth first, parents before children, through every place a component nests another. */
    private static void visit(JsonNode component, Consumer<JsonNode> action) {
        action.accept(component);
        component.path("components").forEach(child -> visit(child, action));
        component.path("items").forEach(child -> visit(child, action));
        for (String single : new String[] {"accessory", "component"}) {
            if (component.path(single).isObject()) {
                visit(component.path(single), action);
            }
        }
    }
}
