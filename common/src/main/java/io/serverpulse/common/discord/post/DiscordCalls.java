package io.serverpulse.common.discord.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.discord.rest.CompiledRoute;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.DiscordRestException;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import java.util.Objects;
import java.util.Optional;

/** The poster's calls, each answer checked: anything but a 2xx is a {@link PostFailure} naming the step. */
final class DiscordCalls {

    private final DiscordRest rest;

    DiscordCalls(DiscordRest rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    JsonNode get(CompiledRoute route, String what) {
        return expectOk(call(RestCall.of(route), what), what);
    }

    /** The resource, or empty if Discord answers 404 (it does not exist, or no longer). */
    Optional<JsonNode> find(CompiledRoute route, String what) {
        RestResult result = call(RestCall.of(route), what);
        return result.status() == 404 ? Optional.empty() : Optional.of(expectOk(result, what));
    }

    JsonNode send(RestCall call, String what) {
        return expectOk(call(call, what), what);
    }

    /** Discord's answer as it is (2xx or not); a failure to reach Discord is a retryable {@link PostFailure}. */
    RestResult call(RestCall call, String what) {
        try {
            return rest.send(call);
        } catch (DiscordRestException e) {
            throw new PostFailure(what + ": Discord unreachable (" + e.getMessage() + ")", 0, true, e);
        }
    }

    static JsonNode expectOk(RestResult result, String what) {
        if (!result.ok()) {
            String code = result.errorCode() == 0 ? "" : " code " + result.errorCode() + " (" + result.errorMessage() + ")";
            boolean retryable = result.status() >= 500 || result.status() == 429;
            throw new PostFailure(what + ": HTTP " + result.status() + code, result.status(), retryable, null);
        }
        return result.json().orElseGet(DiscordJson::object);
    }
}
