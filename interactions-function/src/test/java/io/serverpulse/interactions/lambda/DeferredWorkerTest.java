package io.serverpulse.interactions.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.interactions.deferred.DeferredRunner;
import io.serverpulse.interactions.deferred.FollowUpSender;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.testing.LogCapture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeferredWorkerTest {

    private final DeferredWorker worker = new DeferredWorker(new DeferredRunner(
            new InteractionHandler(new InMemoryStore(), CommandRegistry.standard(Optional.empty(), false), Clock.systemUTC()),
            new FollowUpSender(DiscordRest.create("http://127.0.0.1:9/api/v10/", Optional.empty()))));

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "{}", "{\"command\":\"export-report\"}", "not json at all",
            "{\"command\":\"x\",\"application_id\":\"nope\",\"token\":\"t\",\"guild_id\":\"1\",\"user_id\":\"2\",\"locale\":\"en-US\"}"})
    void aPayloadThatIsNotDeferredWorkIsReportedNotThrown(String payload) throws Exception {
        // GIVEN an asynchronous invoke with something that is not deferred work (a console test event, a bug)
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (LogCapture logs = new LogCapture()) {
            // WHEN the worker runs
            worker.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, null);

            // THEN it reports INVALID_WORK as its result, sends nothing, and logs why without the payload
            JsonNode result = new ObjectMapper().readTree(out.toByteArray());
            assertThat(result.path("status").asText()).isEqualTo("INVALID_WORK");
            assertThat(result.path("http_status").asInt()).isZero();
            assertThat(logs.lines()).anyMatch(line -> line.contains("not deferred work"));
        }
    }
}
