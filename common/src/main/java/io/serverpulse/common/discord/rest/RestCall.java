package io.serverpulse.common.discord.rest;

import java.util.Objects;

/**
 * One Discord REST request: method, path relative to the API base URL, body, and whether it is
 * authorised with the bot token (webhook routes are authorised by the token in their path instead).
 */
public record RestCall(String method, String path, Body body, boolean botAuth) {

    public RestCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
    }

    public static RestCall json(String method, String path, String json, boolean botAuth) {
        return new RestCall(method, path, new Body.Json(json), botAuth);
    }

    public static RestCall multipart(String method, String path, MultipartForm form, boolean botAuth) {
        return new RestCall(method, path, new Body.Multipart(form), botAuth);
    }

    public Route route() {
        return Route.of(method, path);
    }

    /** Never the path: a webhook path holds the interaction token. */
    @Override
    public String toString() {
        return "RestCall[" + route() + "]";
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
