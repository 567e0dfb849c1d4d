package io.serverpulse.collector.bench;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.flush.FlushPolicy;
import io.serverpulse.common.metrics.flush.MetricFlusher;
import io.serverpulse.emulator.sim.ActivityMapper;
import io.serverpulse.emulator.sim.Scenarios;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The aggregator alone (no gateway, no database): the activity events of a simulated week of a
 * 1,500-member guild (100,000 gateway events become 83,024 activity events), folded into buckets
 * and drained as one batch per invocation; and the same through the flusher's thread-safe front
 * ({@link MetricFlusher#record}), whose store discards. Scores are activity events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MetricAggregatorBenchmark {

    static final int GATEWAY_EVENTS = 100_000;
    /** The number of activity events of the week (fixed by the seed), the operations of one invocation. */
    static final int EVENTS = 83_024;

    private List<ActivityEvent> events;

    @Setup
    public void setUp() {
        events = ActivityMapper.mapAll(Scenarios.week(5, GATEWAY_EVENTS), false);
        if (events.size() != EVENTS) {
            throw new IllegalStateException("the week has " + events.size() + " activity events, not " + EVENTS);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public MetricBatch aggregate() {
        MetricAggregator aggregator = new MetricAggregator(() -> "bench");
        for (ActivityEvent event : events) {
            aggregator.add(event);
        }
        return aggregator.drain();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void recordThroughTheFlusher(Blackhole blackhole) {
        MetricsStore discard = new DiscardingStore(blackhole);
        MetricFlusher flusher = MetricFlusher.builder(discard)
                .policy(FlushPolicy.everySeconds(3600).withCloseDeadline(Duration.ZERO)).build();
        for (ActivityEvent event : events) {
            flusher.record(event);
        }
        flusher.close();
    }

    /** A store that only hands each batch to the blackhole. */
    private record DiscardingStore(Blackhole blackhole) implements MetricsStore {
        @Override
        public void apply(MetricBatch batch) {
            blackhole.consume(batch);
        }

        @Override
        public List<io.serverpulse.common.metrics.MemberCount> topMembers(io.serverpulse.common.metrics.LeaderboardQuery query) {
            return List.of();
        }

        @Override
        public List<io.serverpulse.common.metrics.BucketRow> buckets(io.serverpulse.common.metrics.BucketKind kind, long guildId,
                Long channelId, Long memberId, io.serverpulse.common.metrics.TimeWindow window) {
            return List.of();
        }

        @Override
        public List<io.serverpulse.common.metrics.KeyCount> totals(io.serverpulse.common.metrics.BucketKind kind, long guildId,
                io.serverpulse.common.metrics.Counter counter, io.serverpulse.common.metrics.TimeWindow window, int limit) {
            return List.of();
        }
    }
}
