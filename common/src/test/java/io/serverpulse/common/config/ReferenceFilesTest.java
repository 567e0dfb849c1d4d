package io.serverpulse.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceFilesTest {

    @Test
    void anExplicitPathWinsAndAMissingOneIsReportedAsAbsent(@TempDir Path dir) throws Exception {
        // GIVEN a spec file at an explicit location
        Path spec = Files.writeString(dir.resolve("openapi.json"), "{}");
        try {
            // WHEN the system property names it / THEN it is found
            System.setProperty(ReferenceFiles.OPENAPI_PROPERTY, spec.toString());
            assertThat(ReferenceFiles.discordOpenApi()).contains(spec);

            // WHEN it names a file that does not exist / THEN nothing is found (no fallback to guessing)
            System.setProperty(ReferenceFiles.OPENAPI_PROPERTY, dir.resolve("nope.json").toString());
            assertThat(ReferenceFiles.discordOpenApi()).isEmpty();
        } finally {
            System.clearProperty(ReferenceFiles.OPENAPI_PROPERTY);
        }
    }

    @Test
    void theSkipNoticeIsOneLineSayingWhatWasNotValidated() {
        // WHEN / THEN
        assertThat(ReferenceFiles.openApiMissingNotice())
                .startsWith("SKIPPED: Discord REST bodies against Discord's OpenAPI spec not validated")
                .contains(ReferenceFiles.OPENAPI_PROPERTY, ReferenceFiles.OPENAPI_ENV)
                .doesNotContain("\n");
        assertThat(ReferenceFiles.samMissingNotice()).startsWith("SKIPPED: template.yaml against the AWS SAM schema");
    }
}
