package io.serverpulse.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message as the emulator stores it. Immutable: an edit stores a new version under the same id.
 * {@code embeds}, {@code components} and {@code messageReference} are the JSON the sender gave.
 */
public record StoredMessage(long id, long guildId, long channelId, long authorId, MessageSource source, int type,
                            String content, List<JsonNode> embeds, List<StoredAttachment> attachments,
                            List<JsonNode> components, int flags, String nonce, JsonNode messageReference,
                            Long interactionId, Instant timestamp, Instant editedAt, JsonNode requestPayload) {

    public static final int FLAG_EPHEMERAL = 1 << 6;
    public static final int FLAG_LOADING = 1 << 7;

    public StoredMessage {
        Objects.requireNonNull(source, "source");
        content = content == null ? "" : content;
        embeds = List.copyOf(embeds);
        attachments = List.copyOf(attachments);
        components = List.copyOf(components);
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** A user's message from the timeline: text only. */
    public static StoredMessage fromTimeline(long id, long guildId, long channelId, long authorId, String content, Instant at) {
        return new StoredMessage(id, guildId, channelId, authorId, MessageSource.TIMELINE, 0, content, List.of(), List.of(),
                List.of(), 0, null, null, null, at, null, null);
    }

    public boolean ephemeral() {
        return (flags & FLAG_EPHEMERAL) != 0;
    }

    /** Whether the bot's application sent it through a webhook (interaction responses and follow-ups). */
    public boolean viaWebhook() {
        return source == MessageSource.INTERACTION_RESPONSE || source == MessageSource.FOLLOW_UP;
    }

    public StoredMessage edited(String newContent, List<JsonNode> newEmbeds, List<StoredAttachment> newAttachments,
                                List<JsonNode> newComponents, int newFlags, Instant at, JsonNode payload) {
        return new StoredMessage(id, guildId, channelId, authorId, source, type, newContent, newEmbeds, newAttachments,
                newComponents, newFlags, nonce, messageReference, interactionId, timestamp, at, payload);
    }
}
