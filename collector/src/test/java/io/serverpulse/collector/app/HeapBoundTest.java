package io.serverpulse.collector.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapBoundTest {

    @Test
    void aBoundSetOnTheCommandLineOrInJavaToolOptionsIsReported() {
        // GIVEN JVM options that bound the heap in each way the JVM accepts
        // WHEN the start-up line is built
        // THEN it states the bound
        for (String option : List.of("-Xmx256m", "-XX:MaxHeapSize=268435456", "-XX:MaxRAMPercentage=25", "-XX:MaxRAM=1g")) {
            assertThat(HeapBound.describe(List.of("-Dfoo=bar", option), 256L << 20)).isEqualTo("Heap bound: 256 MB");
        }
    }

    @Test
    void withoutABoundTheLineSaysHowToStartTheBot() {
        // GIVEN a JVM started without a heap option (java -jar serverpulse.jar)
        // WHEN the start-up line is built
        // THEN it says the heap is unbounded and gives the documented command
        assertThat(HeapBound.describe(List.of("-Dlogback.configurationFile=x"), 4000L << 20))
                .isEqualTo("The JVM's heap is not bounded (it may grow to 4000 MB, and the process further): start ServerPulse "
                        + "with `java -Xmx256m -jar serverpulse.jar` (see README)");
    }
}
