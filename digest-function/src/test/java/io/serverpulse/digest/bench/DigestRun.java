package io.serverpulse.digest.bench;

import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.digest.ChannelNames;
import io.serverpulse.common.digest.DigestBuilder;
import io.serverpulse.common.digest.DigestComposer;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.digest.DigestView;
import io.serverpulse.common.digest.charts.DigestCharts;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import io.serverpulse.store.mongodb.MongoStores;
import io.serverpulse.store.sqlite.SqliteStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One measured process (started by {@link DigestBenchmark} with {@code -Xmx256m}, two processors): opens the
 * store, composes the weekly digest of the bench guild (the report from the store, the three charts, the
 * embeds) once cold and then {@code runs} times warm, and the parts alone; prints one {@code RESULT} line.
 * Not a test.
 */
public final class DigestRun {

    private DigestRun() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        String target = args[0];
        int runs = Integer.parseInt(args[1]);
        Store store = target.startsWith("sqlite:") ? SqliteStore.open(Path.of(target.substring(7)))
                : MongoStores.connect(target.substring("mongodb-standin:".length()));
        GuildSettings settings = store.settings(BenchGuild.GUILD);
        DigestPeriod week = DigestPeriod.weekly(LocalDate.parse(DigestBenchmark.WEEK), settings.zone());
        Texts texts = Texts.english();
        DigestBuilder builder = new DigestBuilder(store, store, store, store);
        DigestCharts charts = new DigestCharts();
        DigestComposer composer = new DigestComposer(builder, charts, ChannelNames.NONE);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();

        long coldStart = System.nanoTime();
        DigestComposer.Composed cold = composer.compose(settings, week, texts, DigestView.footer(BenchGuild.GUILD, week), 10L << 20);
        double coldMs = ms(coldStart);
        double processMs = ms(started);

        List<Double> full = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        List<Double> drawing = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long allocated = 0;
        long live = 0;
        int pngBytes = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            store.topMembers(LeaderboardQuery.messages(BenchGuild.GUILD, BucketKey.ALL_CHANNELS, Period.LAST_7_DAYS,
                    Instant.parse(DigestBenchmark.NOW), 10));
            store.totals(BucketKind.CHANNEL_HOUR, BenchGuild.GUILD, Counter.MESSAGES, Period.LAST_7_DAYS.window(
                    Instant.parse(DigestBenchmark.NOW)), 1000);
            baseline.add(ms(t));

            long before = threads.getThreadAllocatedBytes(threadId);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            t = System.nanoTime();
            DigestComposer.Composed composed = composer.compose(settings, week, texts, DigestView.footer(BenchGuild.GUILD, week),
                    10L << 20);
            full.add(ms(t));
            cpu.add((threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6);
            allocated = Math.max(allocated, threads.getThreadAllocatedBytes(threadId) - before);
            pngBytes = composed.message().files().stream().mapToInt(FileAttachment::size).sum();
            if (i == 0) {
                // what a finished digest keeps alive (its numbers, embeds and PNGs) on top of the idle process
                System.gc();
                live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                if (composed.message().files().isEmpty()) {
                    throw new IllegalStateException("no chart");
                }
            }

            t = System.nanoTime();
            DigestReport report = builder.build(settings, week);
            reads.add(ms(t));
            t = System.nanoTime();
            charts.render(report, texts, Map.of());
            drawing.add(ms(t));
        }
        System.gc();
        long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        DigestReport report = cold.report();
        System.out.printf(Locale.ROOT, "RESULT process_ms=%.0f cold_ms=%.0f full_p50=%.1f full_p90=%.1f full_max=%.1f cpu_p50=%.1f "
                        + "reads_p50=%.1f charts_p50=%.1f baseline_p50=%.1f allocated_mb=%.1f live_with_digest_mb=%.1f "
                        + "heap_after_gc_mb=%.1f max_heap_mb=%.0f cpus=%d png_kb=%d messages=%d active=%d files=%d%n",
                processMs, coldMs, pct(full, 50), pct(full, 90), pct(full, 100), pct(cpu, 50), pct(reads, 50), pct(drawing, 50),
                pct(baseline, 50), allocated / 1e6, live / 1e6, heapAfterGc / 1e6, Runtime.getRuntime().maxMemory() / 1e6,
                Runtime.getRuntime().availableProcessors(), pngBytes / 1024, report.current().messages(),
                report.current().activeMembers(), cold.message().files().size());
        store.close();
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
