package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A limit Discord documents and enforces for bots that its OpenAPI description states more widely
 * (or not at all): checked on top of the spec, never instead of it.
 */
public interface StricterRule {

    /** A short stable name, e.g. {@code bot-message-content-2000}. */
    String name();

    /** Where Discord documents the limit. */
    String reason();

    /** The problems this rule finds in a body sent to the given operation (none if it does not apply). */
    List<Problem> check(String operationId, JsonNode body);
}
