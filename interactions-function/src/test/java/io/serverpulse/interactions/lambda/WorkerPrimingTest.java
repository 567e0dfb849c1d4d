package io.serverpulse.interactions.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerPrimingTest {

    @Test
    void primingRendersAChartWithoutAStoreOrDiscord() {
        // GIVEN the worker's priming (it has neither a store nor a REST client to touch)
        WorkerPriming priming = new WorkerPriming();

        // WHEN Lambda is about to take the snapshot
        int bytes = priming.prime();
        priming.beforeCheckpoint(null);

        // THEN a real PNG chart was rendered (Java2D and the fonts are loaded for the snapshot)
        assertThat(bytes).isGreaterThan(1000);
    }
}
