package io.serverpulse.emulator.sim;

import io.serverpulse.common.metrics.MetricAggregator;
import java.util.List;

/**
 * Measures generation, ground truth, JSON lines and aggregation of a simulated week. Not a test (no
 * timed assertions in unit tests); run it by hand:
 * {@code java -cp <test classpath> io.serverpulse.emulator.sim.SimulationBenchmark [events] [rounds]}.
 */
public final class SimulationBenchmark {

    private SimulationBenchmark() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int round = 1; round <= rounds; round++) {
            long t0 = cpu();
            SimulatedCommunity week = Scenarios.week(round, events);
            long t1 = cpu();
            GroundTruth truth = week.groundTruth();
            long t2 = cpu();
            String lines = TimelineJson.toJsonLines(week);
            long t3 = cpu();
            SimulatedCommunity read = TimelineJson.parse(lines);
            long t4 = cpu();
            MetricAggregator aggregator = new MetricAggregator(() -> "b");
            List<io.serverpulse.common.metrics.ActivityEvent> activity = ActivityMapper.mapAll(week, false);
            activity.forEach(aggregator::add);
            int buckets = aggregator.pendingBuckets();
            long t5 = cpu();
            System.out.printf("round %d (thread CPU time): %,d events; generate %d ms, ground truth %d ms (%,d buckets), write %d ms"
                            + " (%,d MB), read %d ms (equal: %s), map+aggregate %d ms (%,d buckets)%n",
                    round, week.events().size(), ms(t0, t1), ms(t1, t2), truth.buckets().size(), ms(t2, t3),
                    lines.length() / 1_000_000, ms(t3, t4), read.equals(week), ms(t4, t5), buckets);
        }
    }

    /** CPU time of this thread: wall time means little on a machine shared with other builds. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
