package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A rough benchmark, not a test (surefire does not run it): write throughput of realistic batches
 * and read latency of leaderboards and hourly charts over 90 days of one busy guild. Run with the
 * test classpath: {@code java -cp … io.serverpulse.store.sqlite.SqliteStoreBench [dir]}.
 */
public final class SqliteStoreBench {

    private static final long GUILD = 810_000_000_000_000_001L;
    private static final int CHANNELS = 20;
    private static final int MEMBERS = 2_000;
    private static final Instant NOW = Instant.parse("2026-06-15T10:37:12.345Z");

    private SqliteStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("sqlite-bench");
        Random random = new Random(42);
        AtomicInteger ids = new AtomicInteger();
        Supplier<String> batchIds = () -> "bench-" + ids.incrementAndGet();
        try (SqliteStore store = SqliteStore.open(dir)) {
            // history: 90 days, 400 active members a day, 20 messages and 5 reactions each, one batch per day
            long historyIncrements = 0;
            long historyEvents = 0;
            long start = System.nanoTime();
            for (int day = 89; day >= 0; day--) {
                Instant dayStart = NOW.minus(Duration.ofDays(day)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
                MetricAggregator aggregator = new MetricAggregator(batchIds);
                for (int m = 0; m < 400; m++) {
                    long member = 1 + random.nextInt(MEMBERS);
                    for (int i = 0; i < 25; i++) {
                        Instant at = dayStart.plusSeconds(random.nextInt(86_400));
                        if (at.isAfter(NOW)) {
                            continue;
                        }
                        long channel = 1 + random.nextInt(CHANNELS);
                        aggregator.add(i < 20 ? new MessagePosted(GUILD, channel, member, at)
                                : new ReactionAdded(GUILD, channel, member, "e" + random.nextInt(30), at));
                        historyEvents++;
                    }
                }
                MetricBatch batch = aggregator.drain();
                historyIncrements += batch.size();
                store.apply(batch);
            }
            double historySeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("history: %,d events -> %,d increments in 90 batches, %.1f s (%,.0f increments/s)%n",
                    historyEvents, historyIncrements, historySeconds, historyIncrements / historySeconds);

            // live flushes: 5 s of a busy guild (300 messages, 60 reactions) per batch, within the current hour
            int flushes = 200;
            long liveIncrements = 0;
            long[] flushNanos = new long[flushes];
            for (int f = 0; f < flushes; f++) {
                MetricAggregator aggregator = new MetricAggregator(batchIds);
                for (int i = 0; i < 360; i++) {
                    long member = 1 + random.nextInt(MEMBERS);
                    long channel = 1 + random.nextInt(CHANNELS);
                    Instant at = NOW.minusSeconds(random.nextInt(1800));
                    aggregator.add(i < 300 ? new MessagePosted(GUILD, channel, member, at)
                            : new ReactionAdded(GUILD, channel, member, "e" + random.nextInt(30), at));
                }
                MetricBatch batch = aggregator.drain();
                liveIncrements += batch.size();
                long t = System.nanoTime();
                store.apply(batch);
                flushNanos[f] = System.nanoTime() - t;
            }
            System.out.printf("live flushes: %d batches of 360 events (avg %d increments): %s per batch%n",
                    flushes, liveIncrements / flushes, percentiles(flushNanos));

            // reads
            for (Period period : Period.values()) {
                measure("topMembers " + period.label() + " guild-wide", () -> store.topMembers(
                        LeaderboardQuery.messages(GUILD, BucketKey.ALL_CHANNELS, period, NOW, 10)).size());
                measure("topMembers " + period.label() + " one channel", () -> store.topMembers(
                        LeaderboardQuery.messages(GUILD, 7, period, NOW, 10)).size());
            }
            measure("hourly rows, one channel, 7 days", () -> store.buckets(BucketKind.CHANNEL_HOUR, GUILD, 7L, null,
                    Period.LAST_7_DAYS.window(NOW)).size());
            measure("busiest channels, 30 days", () -> store.totals(BucketKind.CHANNEL_HOUR, GUILD, Counter.MESSAGES,
                    Period.LAST_30_DAYS.window(NOW), 10).size());
            measure("top emoji, 30 days", () -> store.totals(BucketKind.EMOJI_DAY, GUILD, Counter.REACTIONS,
                    Period.LAST_30_DAYS.window(NOW), 10).size());
            try (Db db = Db.connect(dir)) {
                for (BucketKind kind : BucketKind.values()) {
                    System.out.printf("rows in %s: %,d%n", kind.collection(), db.count(kind.collection()));
                }
            }
            // a first sweep after a long outage, while the collector keeps flushing small batches
            java.util.concurrent.atomic.AtomicBoolean sweeping = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.List<Long> applyNanos = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread flusher = new Thread(() -> {
                int n = 0;
                while (sweeping.get()) {
                    MetricBatch small = MetricBatch.builder("during-sweep-" + n++)
                            .add(BucketKey.channelHour(GUILD, 1, NOW), Counter.MESSAGES, 1).build();
                    long t = System.nanoTime();
                    store.apply(small);
                    applyNanos.add(System.nanoTime() - t);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            flusher.start();
            long sweepStart = System.nanoTime();
            long swept = store.sweepExpired(NOW);
            double sweepMillis = (System.nanoTime() - sweepStart) / 1e6;
            sweeping.set(false);
            flusher.join();
            System.out.printf("sweep at now: %,d rows in %.0f ms; %d flushes meanwhile: %s%n", swept, sweepMillis,
                    applyNanos.size(), percentiles(applyNanos.stream().mapToLong(Long::longValue).toArray()));
        }
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("files in %s: %.1f MB%n", dir, bytes / 1e6);
        if (args.length == 0) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static void measure(String what, Supplier<Integer> read) {
        for (int i = 0; i < 20; i++) {
            read.get();
        }
        long[] nanos = new long[200];
        int size = 0;
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            size = read.get();
            nanos[i] = System.nanoTime() - t;
        }
        System.out.printf("%-40s %3d rows  %s%n", what, size, percentiles(nanos));
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p95 %.2f ms, max %.2f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
