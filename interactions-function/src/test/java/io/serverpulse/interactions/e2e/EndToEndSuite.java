package io.serverpulse.interactions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.interactions.Delivery;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.interactions.support.MongoStandIn;
import io.serverpulse.interactions.support.TestGuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One MongoDB stand-in and one Discord emulator per test class; a fresh database and endpoint per test. */
abstract class EndToEndSuite {

    static final ObjectMapper JSON = new ObjectMapper();

    static MongoStandIn mongo;
    static DiscordEmulator discord;

    @BeforeAll
    static void startWorld() {
        mongo = new MongoStandIn();
        discord = DiscordEmulator.builder(List.of(TestGuild.community())).start();
    }

    @AfterAll
    static void stopWorld() {
        discord.close();
        mongo.close();
    }

    static EndToEnd endpoint(EndToEnd.Transport transport) {
        return new EndToEnd(transport, mongo, discord);
    }

    /**
     * Discord would take this as the initial response: 200, JSON, a body valid against the callback schema of
     * Discord's OpenAPI spec, a callback type allowed for the interaction. (How fast it came is the benchmarks'
     * business: a loaded test machine says nothing about it.)
     */
    static JsonNode accepted(Delivery delivery) {
        assertThat(delivery.answered()).as("answered: %s", delivery.failure()).isTrue();
        assertThat(delivery.status()).as("status, body %s", delivery.body()).isEqualTo(200);
        List<String> problems = delivery.problems().stream().filter(problem -> !problem.startsWith("answered after")).toList();
        assertThat(problems).as("what Discord would object to in %s", delivery.body()).isEmpty();
        try {
            return JSON.readTree(delivery.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean ephemeral(JsonNode answer) {
        return (answer.path("data").path("flags").asInt() & 64) != 0;
    }
}
