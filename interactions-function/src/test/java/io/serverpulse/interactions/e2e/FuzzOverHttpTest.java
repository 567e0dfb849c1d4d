package io.serverpulse.interactions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.emulator.interactions.Delivery;
import io.serverpulse.emulator.interactions.SignedInteraction;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.interactions.support.InteractionMutator;
import io.serverpulse.interactions.support.Seeds;
import java.time.Instant;
import java.util.List;
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

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void noBodyGetsA5xxOrAnExceptionOutOfTheTransport(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN seeded mutated bodies, signed now; the worker does not wait for interactions Discord never issued
            InteractionMutator mutator = new InteractionMutator(7_000 + transport.ordinal(), Seeds.all(e2e.factory));
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < BODIES; i++) {
                byte[] body = mutator.next();
                SignedInteraction signed = e2e.signer.sign(body, Long.toString(Instant.now().getEpochSecond()));

                // WHEN each is delivered
                Delivery delivery = e2e.sender.deliver(e2e.uri(), signed);

                // THEN an answer, never a 5xx
                assertThat(delivery.answered()).as("body #%d: %s", i, delivery.failure()).isTrue();
                assertThat(delivery.status()).as("body #%d", i).isIn(200, 400);
                statuses.merge(delivery.status(), 1, Integer::sum);
            }

            // AND no exception escaped the Lambda handler, and both kinds of answer occurred
            assertThat(e2e.escaped()).isEmpty();
            assertThat(statuses.keySet()).containsExactly(200, 400);
            System.out.println(transport + ": " + statuses);
        }
    }

    static EndToEnd endpoint(EndToEnd.Transport transport) {
        return new EndToEnd(transport, mongo, discord, List.of());
    }
}
