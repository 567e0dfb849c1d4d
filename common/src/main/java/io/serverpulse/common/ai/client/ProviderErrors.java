package io.serverpulse.common.ai.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.ai.AiFailure;
import io.serverpulse.common.ai.AiFailure.Kind;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a provider's error answer into an {@link AiFailure} an admin can act on. Every provider
 * documents its errors differently (OpenAI-style {@code error.message/code/type}, Google's
 * {@code error.status} and {@code RetryInfo}, Anthropic's {@code error.type}); the status decides
 * first, the provider's words second.
 */
final class ProviderErrors {

    /** Things that look like keys or tokens: provider prefixes, or long runs of key characters. */
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i)\\b(?:sk-|xai-|gsk_|aiza)[A-Za-z0-9_\\-*.]{4,}|[A-Za-z0-9_*]{24,}");
    private static final int MAX_MESSAGE = 200;

    private ProviderErrors() {
    }

    static AiFailure classify(int status, JsonNode body, Duration retryAfter) {
        String message = message(body);
        String said = (message + " " + code(body)).toLowerCase(Locale.ROOT);
        Kind kind;
        if (status == 429) {
            kind = mentionsCredit(said) && !said.contains("rate") ? Kind.NO_CREDIT : Kind.RATE_LIMITED;
            if (retryAfter == null) {
                retryAfter = googleRetryDelay(body);
            }
        } else if (status == 401) {
            kind = Kind.BAD_KEY;
        } else if (status == 402) {
            kind = Kind.NO_CREDIT;
        } else if (status == 403) {
            kind = mentionsCredit(said) ? Kind.NO_CREDIT : mentionsModel(said) ? Kind.UNKNOWN_MODEL : Kind.BAD_KEY;
        } else if (status == 404) {
            kind = Kind.UNKNOWN_MODEL;
        } else if (status == 408) {
            kind = Kind.TIMEOUT;
        } else if (status >= 500) {
            kind = Kind.SERVER_ERROR;
        } else if (mentionsKey(said)) {
            kind = Kind.BAD_KEY;
        } else if (mentionsCredit(said)) {
            kind = Kind.NO_CREDIT;
        } else if (mentionsModel(said)) {
            kind = Kind.UNKNOWN_MODEL;
        } else {
            kind = Kind.REJECTED;
        }
        String text = "HTTP " + status + (message.isEmpty() ? "" : ": " + message);
        return new AiFailure(kind, status, text, kind == Kind.RATE_LIMITED ? retryAfter : null);
    }

    private static boolean mentionsKey(String said) {
        return said.contains("api key") || said.contains("api_key") || said.contains("apikey")
                || said.contains("authentication") || said.contains("unauthorized") || said.contains("permission_denied");
    }

    private static boolean mentionsCredit(String said) {
        return said.contains("credit") || said.contains("quota") || said.contains("billing") || said.contains("balance")
                || said.contains("payment");
    }

    private static boolean mentionsModel(String said) {
        return said.contains("model") && (said.contains("not found") || said.contains("not_found")
                || said.contains("does not exist") || said.contains("not a valid") || said.contains("invalid model")
                || said.contains("unknown model") || said.contains("not supported") || said.contains("no endpoints"));
    }

    /** The provider's own error text, one line, without anything key-like, at most 200 characters. */
    static String message(JsonNode body) {
        JsonNode error = body == null ? null : body.isArray() && body.size() > 0 ? body.get(0).path("error") : body.path("error");
        String text = "";
        if (error != null && error.isTextual()) {
            text = error.textValue();
        } else if (error != null && error.path("message").isTextual()) {
            text = error.path("message").textValue();
        } else if (body != null && body.path("message").isTextual()) {
            text = body.path("message").textValue();
        }
        return safe(text);
    }

    static String safe(String text) {
        String oneLine = SECRET_LIKE.matcher(text).replaceAll("…").replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE - 1) + "…" : oneLine;
    }

    private static String code(JsonNode body) {
        if (body == null) {
            return "";
        }
        JsonNode error = body.isArray() && body.size() > 0 ? body.get(0).path("error") : body.path("error");
        return error.path("code").asText("") + " " + error.path("type").asText("") + " " + error.path("status").asText("")
                + " " + body.path("code").asText("");
    }

    /** Google's {@code RetryInfo} detail: {@code "retryDelay": "23s"}. */
    private static Duration googleRetryDelay(JsonNode body) {
        if (body == null) {
            return null;
        }
        JsonNode error = body.isArray() && body.size() > 0 ? body.get(0).path("error") : body.path("error");
        for (JsonNode detail : error.path("details")) {
            String delay = detail.path("retryDelay").asText("");
            if (delay.matches("\\d+(\\.\\d+)?s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(delay.substring(0, delay.length() - 1)) * 1000));
            }
        }
        return null;
    }
}
