package io.serverpulse.common.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.commands.message.FileAttachment;
import java.util.List;
import java.util.Objects;

/**
 * The edit that finishes a deferred answer: {@code PATCH {api}/webhooks/{application.id}/{token}/messages/@original}
 * ({@link #path()}, relative to the API base URL, e.g. {@code https://discord.com/api/v10/}). Without
 * files the body is {@link #json()} as {@code application/json}; with files it is
 * {@code multipart/form-data} with {@code payload_json} = {@link #json()} and {@code files[n]}. The
 * webhook needs no bot token. {@link #toString()} leaves the token out.
 */
public record FollowUp(long applicationId, String token, ObjectNode body, List<FileAttachment> files) {

    public static final String METHOD = "PATCH";

    public FollowUp {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(body, "body");
        files = files == null ? List.of() : List.copyOf(files);
    }

    public String path() {
        return "webhooks/" + Long.toUnsignedString(applicationId) + "/" + token + "/messages/@original";
    }

    public String method() {
        return METHOD;
    }

    public String json() {
        return DiscordJson.write(body);
    }

    public boolean hasFiles() {
        return !files.isEmpty();
    }

    @Override
    public String toString() {
        return "FollowUp[application=" + applicationId + ", files=" + files + "]";
    }
}
