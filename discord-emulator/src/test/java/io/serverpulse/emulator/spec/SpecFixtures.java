package io.serverpulse.emulator.spec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test fixtures: JSON bodies under src/test/resources, and the shared validator (or a clear skip). */
final class SpecFixtures {

    private SpecFixtures() {
    }

    /** The shared validator; skips the calling test with the one-line notice when the spec is absent. */
    static SpecValidator validator() {
        SpecValidator validator = SpecValidator.shared();
        assumeTrue(validator.enabled(), () -> validator.skipNotice().orElse("Discord's OpenAPI spec is absent"));
        return validator;
    }

    static JsonNode json(String resource) {
        try (InputStream in = SpecFixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return JdaBodies.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object(String resource) {
        return (ObjectNode) json(resource);
    }
}
