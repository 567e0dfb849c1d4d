package io.serverpulse.emulator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.config.ReferenceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SpecValidatorConcurrencyTest {

    @Test
    void manyThreadsOnAFreshValidatorGetTheSameAnswers() throws Exception {
        // GIVEN a freshly loaded validator, nothing compiled yet
        Optional<Path> spec = ReferenceFiles.discordOpenApi();
        assumeTrue(spec.isPresent(), ReferenceFiles.openApiMissingNotice());
        SpecValidator validator = SpecValidator.load(spec.get());
        JsonNode good = SpecFixtures.json("spec/bodies/message-with-components.json");
        JsonNode bad = SpecFixtures.json("spec/bodies/button-bad-style.json");
        JsonNode callback = SpecFixtures.json("spec/bodies/callback-message.json");

        // WHEN 4 threads validate the same bodies at once, from the first call on
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> answers = new ArrayList<>();
        try {
            for (int thread = 0; thread < 4; thread++) {
                Callable<List<String>> task = () -> {
                    List<String> seen = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        seen.add(validator.validate("POST", "/api/v10/channels/1/messages", good).outcome().name());
                        seen.addAll(validator.validate("POST", "/api/v10/channels/1/messages", bad).readableProblems());
                        seen.add(validator.validateInteractionCallback(callback).outcome().name());
                    }
                    return seen;
                };
                answers.add(pool.submit(task));
            }
            // THEN every thread saw exactly what one thread sees
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add("VALID");
                expected.add("components[0].components[0].style[BASE_TYPE_CHOICES]: Value must be one of (1, 2, 3, 4, 5, 6).");
                expected.add("VALID");
            }
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
