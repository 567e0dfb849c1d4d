package io.serverpulse.common.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.discord.rest.CompiledRoute;
import io.serverpulse.common.discord.rest.Routes;
import java.util.List;
import java.util.Objects;

/**
 * The edit that finishes a deferred answer: {@code PATCH /webhooks/{application.id}/{token}/messages/@original}
 * ({@link #route()}, {@link Routes#ORIGINAL_RESPONSE_EDIT}). Without
 * files the body is {@link #json()} as {@code application/json}; with files it is
 * {@code multipart/form-data} with {@code payload_json} = {@link #json()} and {@code files[n]}. The
 * webhook needs no bot token. {@link #toString()} leaves the token out.
 */
public record FollowUp(long applicationId, String token, ObjectNode body, List<FileAttachment> files) {

    public FollowUp {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(body, "body");
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The route of the edit; its path holds the token, its {@code toString()} does not. */
    public CompiledRoute route() {
        return Routes.ORIGINAL_RESPONSE_EDIT.compile(applicationId, token);
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
