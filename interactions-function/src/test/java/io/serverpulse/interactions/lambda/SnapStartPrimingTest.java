package io.serverpulse.interactions.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.interactions.support.StoreCalls;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    @Test
    void primingRunsTheWholeRequestPathWithoutTouchingTheStore() {
        // GIVEN the function's command core on a store that records every call
        StoreCalls calls = new StoreCalls(new InMemoryStore());
        AtomicInteger built = new AtomicInteger();
        SnapStartPriming priming = new SnapStartPriming(
                new InteractionHandler(calls.store(), CommandRegistry.standard(Optional.empty(), false), Clock.systemUTC()), built::incrementAndGet);

        // WHEN Lambda is about to take the snapshot
        int answered = priming.prime();
        priming.beforeCheckpoint(null);

        // THEN every primed request got the answer it should (PONG, 400, 401, the guild-only answer), what is built on first use was built,
        // and the store was never called
        assertThat(answered).isEqualTo(4 * SnapStartPriming.ROUNDS);
        assertThat(built).hasValue(1);
        assertThat(calls.all()).isEmpty();
    }
}
