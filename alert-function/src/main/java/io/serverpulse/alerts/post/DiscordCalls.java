package io.serverpulse.alerts.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.DiscordRestException;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import java.util.Objects;
import java.util.Optional;

/** The bot-authorised JSON calls the poster makes, each answer checked: anything but 2xx is a {@link PostFailure}. */
final class DiscordCalls {

    private final DiscordRest rest;

    DiscordCalls(DiscordRest rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    JsonNode get(String path, String what) {
        return expectOk(send(new RestCall("GET", path, new RestCall.Body.None(), true), what), what);
    }

    /** The resource, or empty if Discord answers 404 (it does not exist, or no longer). */
    Optional<JsonNode> find(String path, String what) {
        RestResult result = send(new RestCall("GET", path, new RestCall.Body.None(), true), what);
        if (result.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(expectOk(result, what));
    }

    JsonNode send(String method, String path, JsonNode body, String what) {
        return expectOk(send(RestCall.json(method, path, DiscordJson.write(body), true), what), what);
    }

    private RestResult send(RestCall call, String what) {
        try {
            return rest.send(call);
        } catch (DiscordRestException e) {
            throw new PostFailure(what + ": Discord unreachable (" + e.getMessage() + ")", 0, true, e);
        }
    }

    private static JsonNode expectOk(RestResult result, String what) {
        if (!result.ok()) {
            String code = result.errorCode() == 0 ? "" : " code " + result.errorCode() + " (" + result.errorMessage() + ")";
            boolean retryable = result.status() >= 500 || result.status() == 429;
            throw new PostFailure(what + ": HTTP " + result.status() + code, result.status(), retryable, null);
        }
        return result.json().orElseGet(DiscordJson::object);
    }
}
