package io.serverpulse.collector.app;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start whether the JVM runs with a heap bound. Without one the JVM may let the heap grow to
 * a quarter of the machine's memory: measured under the heaviest gateway load the emulator gives it
 * here, the process grew to 1.7-2.7 GB resident while its heap after a full GC stayed under 75 MB;
 * with {@code -Xmx256m} it stayed near 415 MB with no event dropped (BENCHMARKS.md). {@code java -jar}
 * cannot take {@code -Xmx} from the jar, so the README's command carries it, and this line points
 * there when it is missing.
 */
final class HeapBound {

    /** The documented way to start the bot. */
    static final String COMMAND = "java -Xmx256m -jar serverpulse.jar";

    private static final Logger LOG = LoggerFactory.getLogger(HeapBound.class);

    private HeapBound() {
    }

    /** Whether the JVM options (command line or {@code JAVA_TOOL_OPTIONS}) bound the heap. */
    static boolean bounded(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(option -> option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize=")
                || option.startsWith("-XX:MaxRAM") || option.startsWith("-XX:MaxRAMPercentage="));
    }

    /** The start-up line: the bound in force, or what to do about its absence. */
    static String describe(List<String> jvmOptions, long maxHeapBytes) {
        long megabytes = maxHeapBytes >> 20;
        return bounded(jvmOptions)
                ? "Heap bound: " + megabytes + " MB"
                : "The JVM's heap is not bounded (it may grow to " + megabytes + " MB, and the process further): start ServerPulse "
                        + "with `" + COMMAND + "` (see README)";
    }

    /** Logs {@link #describe} for this JVM: INFO with a bound, WARN without. */
    static void log() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String line = describe(options, Runtime.getRuntime().maxMemory());
        if (bounded(options)) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
    }
}
