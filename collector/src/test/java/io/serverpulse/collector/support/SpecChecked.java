package io.serverpulse.collector.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.rest.ErrorBody;
import io.serverpulse.emulator.rest.RequestBodyValidator;
import io.serverpulse.emulator.spec.SpecValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes the emulator refuse, as Discord would, every body the bot sends that breaks Discord's
 * OpenAPI spec (with the emulator's named leniencies and stricter bot limits), and remembers each
 * refusal so a test can show it. Without the spec file it lets everything through, and the
 * validator prints its one-line notice of what was not validated.
 */
public final class SpecChecked implements RequestBodyValidator {

    private static final Pattern CALLBACK = Pattern.compile("(/api/v10)?/interactions/\\d+/[^/]+/callback");

    private final SpecValidator spec = SpecValidator.shared();
    private final List<String> refused = new ArrayList<>();

    @Override
    public Optional<ErrorBody> validate(String method, String path, JsonNode body) {
        SpecValidator.Result result = CALLBACK.matcher(path).matches()
                ? spec.validateInteractionCallback(body) : spec.validate(method, path, body);
        if (!result.rejected()) {
            return Optional.empty();
        }
        synchronized (refused) {
            refused.add(result.describe());
        }
        return Optional.of(new ErrorBody(result.httpStatus(), (ObjectNode) result.errorBody().orElseThrow()));
    }

    /** Whether the spec was found (otherwise nothing was validated). */
    public boolean enabled() {
        return spec.enabled();
    }

    public List<String> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }
}
