package io.serverpulse.collector.bench;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.flush.FlushPolicy;
import io.serverpulse.common.metrics.flush.FlushStats;
import io.serverpulse.common.metrics.flush.MetricFlusher;
import io.serverpulse.common.testing.ForwardingMetricsStore;
import io.serverpulse.store.sqlite.SqliteStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Sustained ingestion across many guilds: how many activity events per second the metric write
 * path takes with no event dropped, before and after issue 16, side by side in one JVM; and how
 * long alerts take from detection to Discord under that load, against the same path idle.
 *
 * <p>A generator records paced activity events, stamped with the wall clock, into the production
 * {@link MetricFlusher} (default policy: a flush every 5 s, at most 200,000 pending buckets, events
 * dropped and counted beyond): 1,000 guilds of 1,000 members, 10 collected channels each; the guild
 * of an event is uniform, its author follows Zipf's law (s = 1.1) within the guild, its channel is
 * uniform; 90 % messages, 10 % reactions (20 emoji). Behind the flusher, for each rate in turn and on
 * a fresh database each time: the SQLite write path before issue 16 ({@link BaselineSqliteWriter})
 * and the {@link SqliteStore} of this build. The JDA gateway is left out on purpose: in one process
 * it tops out near 12,000 events/s on this machine, below what the write path is asked here.
 *
 * <p>A rate is <em>sustained</em> when no event was dropped and what was pending at the end was
 * written within two flush intervals (no backlog building up). The machine's two cores are shared,
 * so the wall-clock figures vary from run to run; the CPU time of the writing thread per bucket
 * (SQLite's native work included: it runs on that thread) is the steadier comparison.
 *
 * <p>Alerts ({@link AlertProbe}): during each step of this build's store, join raids are raised in
 * guilds of the load at a steady pace, detected by the production detector and posted by the
 * collector's alert path into the emulated Discord, their records saved into the same SQLite store
 * the flusher writes to. The baseline is the same probe on a fresh store with no load (rate 0), first,
 * in the same JVM.
 *
 * <p>Arguments: {@code [seconds per step] [rates, comma-separated] [writers: baseline,sqlite]
 * [raids per second during sqlite steps, 0 for none]}.
 */
public final class IngestionLoadBenchmark {

    static final int GUILDS = 1_000;
    static final int MEMBERS = 1_000;
    static final int CHANNELS = 10;
    static final double ZIPF_S = 1.1;
    static final long GUILD_BASE = 1_000_000_000L;

    private IngestionLoadBenchmark() {
    }

    record Step(String writer, int rate, long recorded, long dropped, int peakPending, long flushes, long buckets,
                double writeSeconds, double cpuSeconds, double maxWriteSeconds, double drainSeconds, AlertProbe.Result alerts) {
        String row() {
            return String.format("| %s | %,d | %,d | %,d | %.2f %% | %,d | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f |", writer, rate,
                    recorded, dropped, 100.0 * dropped / Math.max(1, recorded + dropped), peakPending, flushes, buckets, writeSeconds,
                    cpuSeconds, cpuMicrosPerBucket(), maxWriteSeconds, drainSeconds);
        }

        double cpuMicrosPerBucket() {
            return buckets == 0 ? 0 : cpuSeconds * 1e6 / buckets;
        }

        String alertRow(AlertProbe.Result idle) {
            return String.format("| %s | %,d | %d | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %s |", writer, rate, alerts.raised(),
                    alerts.unposted(), alerts.p50(), alerts.p99(), alerts.max(), alerts.noticeP50(), alerts.noticeP99(),
                    idle == null || rate == 0 ? "1.0 (baseline)" : String.format("%.1f", alerts.p99() / idle.p99()));
        }

        /** No event dropped, and what was pending at the end written within two flush intervals: no backlog. */
        boolean sustained() {
            return dropped == 0 && drainSeconds <= 2 * FlushPolicy.defaults().interval().toSeconds();
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int[] rates = Arrays.stream((args.length > 1 ? args[1] : "5000,10000,15000,20000,30000,40000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<String> writers = List.of((args.length > 2 ? args[2] : "baseline,sqlite").split(","));
        double raidsPerSecond = args.length > 3 ? Double.parseDouble(args[3]) : 2;
        System.out.printf("Java %s, %d CPUs, max heap %d MB; load average %.2f; %d s per step%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), seconds);
        AlertProbe probe = raidsPerSecond > 0 ? new AlertProbe(GUILDS) : null;
        List<Step> steps = new ArrayList<>();
        Step idle = null;
        if (probe != null) {
            run("sqlite", 0, Math.min(seconds, 10), probe, raidsPerSecond); // warm-up (JIT, the HTTP connection), not reported
            idle = run("sqlite", 0, seconds, probe, raidsPerSecond);
            System.out.println(idle.alertRow(null) + "   (alerts, no load)");
        }
        Map<String, Integer> best = new LinkedHashMap<>();
        Map<String, Boolean> failed = new LinkedHashMap<>();
        writers.forEach(w -> failed.put(w, false));
        for (int rate : rates) {
            for (String writer : writers) {
                if (failed.get(writer)) {
                    continue; // it dropped at a lower rate already
                }
                Step step = run(writer, rate, seconds, probe, raidsPerSecond);
                steps.add(step);
                System.out.println(step.row() + "   (load average " + String.format("%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + ")");
                if (step.sustained()) {
                    best.merge(writer, rate, Math::max);
                } else {
                    failed.put(writer, true);
                }
            }
        }
        System.out.println();
        System.out.println("| write path | events/s offered | events counted | events dropped | dropped | peak pending buckets "
                + "| flushes | buckets written | seconds writing | CPU seconds writing | CPU µs per bucket | longest write (s) "
                + "| final flush (s) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        steps.forEach(s -> System.out.println(s.row()));
        System.out.println();
        for (String w : writers) {
            double cpu = steps.stream().filter(s -> s.writer().equals(w)).mapToDouble(Step::cpuSeconds).sum();
            long buckets = steps.stream().filter(s -> s.writer().equals(w)).mapToLong(Step::buckets).sum();
            System.out.printf("%s: highest rate sustained (no event dropped, no backlog at the end): %,d events/s; "
                    + "CPU per bucket written, all steps: %.1f µs%n", w, best.getOrDefault(w, 0), cpu * 1e6 / Math.max(1, buckets));
        }
        if (probe != null) {
            System.out.println();
            System.out.println("| write path | events/s offered | raids | not posted | 10th join → post p50 (ms) | p99 (ms) | max (ms) "
                    + "| notice → post p50 (ms) | p99 (ms) | p99 / p99 with no load |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            System.out.println(idle.alertRow(null));
            for (Step s : steps) {
                if (s.alerts().raised() > 0) {
                    System.out.println(s.alertRow(idle.alerts()));
                }
            }
            probe.close();
        }
    }

    static Step run(String writer, int rate, int seconds, AlertProbe probe, double raidsPerSecond) throws Exception {
        Path dir = Files.createTempDirectory("serverpulse-load-" + writer);
        MetricsStore target;
        AutoCloseable closer;
        if (writer.equals("baseline")) {
            BaselineSqliteWriter baseline = new BaselineSqliteWriter(dir.resolve("baseline.db"));
            target = baseline;
            closer = baseline;
        } else if (writer.equals("sqlite")) {
            SqliteStore store = SqliteStore.open(dir);
            target = store;
            closer = store;
        } else {
            throw new IllegalArgumentException("unknown writer " + writer);
        }
        AlertProbe.Run alerts = null;
        if (probe != null && target instanceof SqliteStore store) {
            alerts = probe.prepare(store, (int) Math.ceil(seconds * raidsPerSecond));
        }
        TimedStore timed = new TimedStore(target);
        MetricFlusher flusher = MetricFlusher.builder(timed).policy(FlushPolicy.defaults()).build();
        flusher.start();
        if (alerts != null) {
            alerts.start(Duration.ofNanos((long) (1e9 / raidsPerSecond)));
        }
        Load load = new Load(42);
        int peak = 0;
        long start = System.nanoTime();
        long sent = 0;
        long end = start + seconds * 1_000_000_000L;
        long nextSample = start;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long due = (long) ((now - start) / 1e9 * rate);
            Instant at = Instant.now();
            while (sent < due) {
                ActivityEvent event = load.next(at);
                flusher.record(event);
                if (alerts != null) {
                    alerts.accept(event);
                }
                sent++;
            }
            if (now >= nextSample) {
                peak = Math.max(peak, flusher.stats().pendingBuckets());
                nextSample = now + 100_000_000L;
            }
            Thread.sleep(1);
        }
        FlushStats during = flusher.stats();
        AlertProbe.Result alerted = alerts == null ? AlertProbe.Result.NONE : alerts.finish(Duration.ofSeconds(10));
        long drainStart = System.nanoTime();
        flusher.close();
        double drain = (System.nanoTime() - drainStart) / 1e9;
        closer.close();
        deleteQuietly(dir);
        return new Step(writer, rate, during.eventsRecorded(), during.eventsDropped(), peak, timed.applies.get(),
                timed.buckets.get(), timed.nanos.get() / 1e9, timed.cpuNanos.get() / 1e9, timed.maxNanos.get() / 1e9, drain, alerted);
    }

    /** The synthetic load: guild uniform, author by Zipf's law within the guild, channel uniform. */
    static final class Load {
        private final SplittableRandom random;
        private final double[] cumulative = new double[MEMBERS];

        Load(long seed) {
            random = new SplittableRandom(seed);
            double sum = 0;
            for (int i = 0; i < MEMBERS; i++) {
                sum += 1.0 / Math.pow(i + 1, ZIPF_S);
                cumulative[i] = sum;
            }
        }

        ActivityEvent next(Instant at) {
            long guild = GUILD_BASE + random.nextInt(GUILDS);
            double u = random.nextDouble() * cumulative[MEMBERS - 1];
            int rank = Arrays.binarySearch(cumulative, u);
            rank = rank >= 0 ? rank : -rank - 1;
            long member = 2_000_000_000L + rank;
            long channel = 3_000_000_000L + random.nextInt(CHANNELS);
            return random.nextInt(10) == 0
                    ? new ActivityEvent.ReactionAdded(guild, channel, member, "e" + random.nextInt(20), at)
                    : new ActivityEvent.MessagePosted(guild, channel, member, at);
        }
    }

    /** Times every batch write of the store behind the flusher. */
    static final class TimedStore extends ForwardingMetricsStore {
        final AtomicLong applies = new AtomicLong();
        final AtomicLong buckets = new AtomicLong();
        final AtomicLong nanos = new AtomicLong();
        final AtomicLong maxNanos = new AtomicLong();
        final AtomicLong cpuNanos = new AtomicLong();

        TimedStore(MetricsStore store) {
            super(store);
        }

        @Override
        public void apply(MetricBatch batch) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            delegate.apply(batch);
            long took = System.nanoTime() - t;
            cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
            applies.incrementAndGet();
            buckets.addAndGet(batch.size());
            nanos.addAndGet(took);
            maxNanos.accumulateAndGet(took, Math::max);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (Exception e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
