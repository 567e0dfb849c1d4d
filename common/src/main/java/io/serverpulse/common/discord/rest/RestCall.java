package io.serverpulse.common.discord.rest;

import io.serverpulse.common.commands.message.FileAttachment;
import java.util.List;
import java.util.Objects;

/**
 * One Discord REST request: a compiled route and a body. Whether it carries the bot token is the
 * route's ({@link Route#botAuth()}): routes with a token in their path are authorised by it.
 */
public record RestCall(CompiledRoute route, Body body) {

    public RestCall {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(body, "body");
    }

    /** A request without a body (GET, DELETE). */
    public static RestCall of(CompiledRoute route) {
        return new RestCall(route, new Body.None());
    }

    public static RestCall json(CompiledRoute route, String json) {
        return new RestCall(route, new Body.Json(json));
    }

    public static RestCall multipart(CompiledRoute route, MultipartForm form) {
        return new RestCall(route, new Body.Multipart(form));
    }

    /**
     * A message body as Discord takes it: {@code application/json} without files, else
     * {@code multipart/form-data} with {@code payload_json} and {@code files[n]} ({@link MultipartForm}).
     */
    public static RestCall message(CompiledRoute route, String json, List<FileAttachment> files) {
        return files.isEmpty() ? json(route, json) : multipart(route, MultipartForm.of(json, files));
    }

    public String method() {
        return route.method();
    }

    public boolean botAuth() {
        return route.route().botAuth();
    }

    /** Never the path: a webhook path holds the interaction token. */
    @Override
    public String toString() {
        return "RestCall[" + route + "]";
    }

    /** A request body. */
    public sealed interface Body {
        record None() implements Body {
        }

        record Json(String json) implements Body {
            public Json {
                Objects.requireNonNull(json, "json");
            }
        }

        record Multipart(MultipartForm form) implements Body {
            public Multipart {
                Objects.requireNonNull(form, "form");
            }
        }
    }
}
