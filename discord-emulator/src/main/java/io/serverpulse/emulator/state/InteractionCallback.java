package io.serverpulse.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** The bot's response to an interaction: callback {@code type} (4 message, 5 deferred, ...) and its {@code data}. */
public record InteractionCallback(long interactionId, int type, JsonNode data, List<StoredAttachment> attachments,
                                  Instant at) {

    public InteractionCallback {
        attachments = List.copyOf(attachments);
    }

    public boolean ephemeral() {
        return data != null && (data.path("flags").asInt(0) & StoredMessage.FLAG_EPHEMERAL) != 0;
    }
}
