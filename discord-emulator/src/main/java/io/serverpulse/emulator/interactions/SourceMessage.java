package io.serverpulse.emulator.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
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
        message.set("components", components.deepCopy());
        return message;
    }
}
