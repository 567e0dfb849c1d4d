package io.serverpulse.emulator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.config.ReferenceFiles;
import io.serverpulse.emulator.spec.SpecValidator.Result.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

class SpecValidatorMissingSpecTest {

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    @ResourceLock(Resources.SYSTEM_ERR)
    void withoutTheSpecValidationIsSkippedWithOneNotice() {
        // GIVEN the spec's property pointing at a file that does not exist
        String before = System.getProperty(ReferenceFiles.OPENAPI_PROPERTY);
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty(ReferenceFiles.OPENAPI_PROPERTY, "/nonexistent/discord-openapi.json");
        SpecValidator.resetShared();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ObjectNode body = JdaBodies.MAPPER.createObjectNode().put("content", "x".repeat(5000));

            // WHEN the shared validator is asked twice
            SpecValidator.Result first = SpecValidator.shared().validate("POST", "/api/v10/channels/1/messages", body);
            SpecValidator.Result second = SpecValidator.shared().validateInteractionCallback(body);

            // THEN nothing is validated, and it says so once
            assertThat(first.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(second.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(first.detail()).isEqualTo(ReferenceFiles.openApiMissingNotice());
            assertThat(SpecValidator.shared().validateRequest("POST", "/api/v10/channels/1/messages", body)).isEmpty();
            assertThat(SpecValidator.shared().enabled()).isFalse();
            String printed = captured.toString(StandardCharsets.UTF_8);
            assertThat(printed).isEqualTo(ReferenceFiles.openApiMissingNotice() + System.lineSeparator());
            assertThat(printed).startsWith("SKIPPED: Discord REST bodies against Discord's OpenAPI spec not validated");
        } finally {
            System.setErr(stderr);
            if (before == null) {
                System.clearProperty(ReferenceFiles.OPENAPI_PROPERTY);
            } else {
                System.setProperty(ReferenceFiles.OPENAPI_PROPERTY, before);
            }
            SpecValidator.resetShared();
        }
    }
}
