package io.serverpulse.interactions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.emulator.interactions.Delivery;
import io.serverpulse.emulator.interactions.SignedInteraction;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.interactions.support.InteractionMutator;
import io.serverpulse.interactions.support.Seeds;
import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fuzzed bodies over real HTTP, through each transport, on the MongoDB store: the transports add
 * their own ways to fail (event mapping, base64, the JDK server), so they get bodies of their own. The
 * bulk (10,000) runs on the transport-free endpoint in {@code InteractionFuzzTest}.
 */
class FuzzOverHttpTest extends EndToEndSuite {

    private static final int BODIES = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void noBodyGetsA5xxOrAnExceptionOutOfTheTransport(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN seeded mutated bodies, signed now; the worker does not wait for interactions Discord never issued
            InteractionMutator mutator = new InteractionMutator(7_000 + transport.ordinal(), Seeds.all(e2e.factory));
            Map<Integer, Integer> statuses = new TreeMap<>();
            Set<Long> ids = new HashSet<>();
            for (int i = 0; i < BODIES; i++) {
                byte[] body = mutator.next();
                SignedInteraction signed = e2e.signer.sign(body, Long.toString(Instant.now().getEpochSecond()));
                // a mutation may give a body the id of an earlier one: Discord never does, the endpoint refuses it
                boolean repeated = interactionId(body).filter(id -> !ids.add(id)).isPresent();

                // WHEN each is delivered
                Delivery delivery = e2e.sender.deliver(e2e.uri(), signed);

                // THEN an answer, never a 5xx: 200 or 400, or 401 exactly for an id already answered
                assertThat(delivery.answered()).as("body #%d: %s", i, delivery.failure()).isTrue();
                if (repeated) {
                    assertThat(delivery.status()).as("body #%d: %s", i, delivery.body()).isEqualTo(401);
                    assertThat(delivery.body()).contains("interaction already answered");
                } else {
                    assertThat(delivery.status()).as("body #%d: %s", i, delivery.body()).isIn(200, 400);
                }
                statuses.merge(delivery.status(), 1, Integer::sum);
            }

            // AND no exception escaped the Lambda handler, and both kinds of answer occurred
            assertThat(e2e.escaped()).isEmpty();
            assertThat(statuses.keySet()).contains(200, 400).isSubsetOf(200, 400, 401);
            System.out.println(transport + ": " + statuses);
        }
    }

    /** The body's top-level {@code id} when it is a snowflake string (what the endpoint remembers), else empty. */
    static Optional<Long> interactionId(byte[] body) {
        try {
            JsonNode id = JSON.readTree(body).path("id");
            String text = id.isTextual() ? id.textValue() : "";
            if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            long value = Long.parseUnsignedLong(text);
            return value == 0 ? Optional.empty() : Optional.of(value);
        } catch (java.io.IOException | RuntimeException notAnObject) {
            return Optional.empty();
        }
    }

    static EndToEnd endpoint(EndToEnd.Transport transport) {
        return new EndToEnd(transport, mongo, discord, List.of());
    }
}
