package io.serverpulse.common.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.message.Modal;
import java.util.List;
import java.util.Objects;

/**
 * An interaction response (callback) as Discord expects it. Without files, {@link #json()} is the
 * whole HTTP response body ({@code application/json}). With files, the transport sends
 * {@code multipart/form-data} with the part {@code payload_json} = {@link #json()} and one part
 * {@code files[n]} per entry of {@link #files()} (n = index, matching {@code attachments[n].id}).
 */
public record InteractionResponse(ObjectNode body, List<FileAttachment> files) {

    public static final int PONG = 1;
    public static final int CHANNEL_MESSAGE = 4;
    public static final int DEFERRED_CHANNEL_MESSAGE = 5;
    public static final int UPDATE_MESSAGE = 7;
    public static final int AUTOCOMPLETE_RESULT = 8;
    public static final int MODAL = 9;

    public InteractionResponse {
        Objects.requireNonNull(body, "body");
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static InteractionResponse pong() {
        return of(PONG, null, List.of());
    }

    public static InteractionResponse message(MessageBody message) {
        return of(CHANNEL_MESSAGE, message.toJson(true), message.files());
    }

    /** For components: replaces the message the component is on. */
    public static InteractionResponse updateMessage(MessageBody message) {
        return of(UPDATE_MESSAGE, message.toJson(false), message.files());
    }

    public static InteractionResponse modal(Modal modal) {
        return of(MODAL, modal.toJson(), List.of());
    }

    /** "Thinking…"; the answer follows as an edit of {@code @original}. */
    public static InteractionResponse deferred(boolean ephemeral) {
        ObjectNode data = DiscordJson.object();
        if (ephemeral) {
            data.put("flags", MessageBody.EPHEMERAL_FLAG);
        }
        return of(DEFERRED_CHANNEL_MESSAGE, data, List.of());
    }

    /** No suggestions (ServerPulse registers no autocomplete options). */
    public static InteractionResponse noSuggestions() {
        ObjectNode data = DiscordJson.object();
        data.putArray("choices");
        return of(AUTOCOMPLETE_RESULT, data, List.of());
    }

    private static InteractionResponse of(int type, ObjectNode data, List<FileAttachment> files) {
        ObjectNode body = DiscordJson.object();
        body.put("type", type);
        if (data != null) {
            body.set("data", data);
        }
        return new InteractionResponse(body, files);
    }

    public int type() {
        return body.path("type").asInt();
    }

    public boolean hasFiles() {
        return !files.isEmpty();
    }

    public String json() {
        return DiscordJson.write(body);
    }
}
