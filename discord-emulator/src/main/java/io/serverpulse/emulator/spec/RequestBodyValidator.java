package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What the emulator's REST pipeline calls for every request with a body: is this body one Discord
 * would accept for this route? {@link SpecValidator} is the implementation.
 */
public interface RequestBodyValidator {

    /**
     * @param method HTTP method, any case
     * @param path   the request path as received, e.g. {@code /api/v10/channels/123/messages?x=1}
     * @param body   the parsed JSON body ({@code null} or a missing node for none)
     */
    SpecValidator.Result validate(String method, String path, JsonNode body);

    /**
     * The 400 body to answer with when Discord would reject this body ({@code 50035 Invalid Form
     * Body}), or empty when the body is acceptable. Empty too when the route is not in the spec or the
     * spec is absent: routing (404/405) stays the caller's job, see {@link SpecValidator.Result#outcome()}.
     */
    default Optional<JsonNode> validateRequest(String method, String path, JsonNode body) {
        SpecValidator.Result result = validate(method, path, body);
        return result.rejected() ? result.errorBody() : Optional.empty();
    }
}
