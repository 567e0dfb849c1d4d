package io.serverpulse.collector.bench;

import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.gateway.ActivityRecorder;
import io.serverpulse.collector.gateway.ActivitySink;
import io.serverpulse.collector.gateway.Gateway;
import io.serverpulse.collector.gateway.GatewayListener;
import io.serverpulse.collector.gateway.GatewayOptions;
import io.serverpulse.collector.gateway.VoiceTracker;
import io.serverpulse.collector.settings.SettingsCache;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.flush.FlushStats;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.gateway.GatewaySession;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Ingestion through the real gateway path, against the emulator playing a simulated week as fast as
 * the bot reads (not in lockstep):
 * <ol>
 *   <li>the collector (aggregate in memory, one bulk write per flush) into SQLite;</li>
 *   <li>in the same run, the same JDA listener and recorder with a naive writer behind them: one
 *       SQLite transaction per activity event, as a bot without aggregation would write;</li>
 *   <li>the bot as its own process ({@code Main}, as deployed) over a million gateway events, its
 *       heap measured after a full GC before and after the run.</li>
 * </ol>
 * Arguments: {@code [collectorEvents] [naiveEvents] [processEvents]} (defaults 100000 20000 1000000;
 * 0 skips a part). Prints a Markdown table for BENCHMARKS.md.
 */
public final class IngestionBenchmark {

    private static final Duration WAIT = Duration.ofMinutes(30);

    private IngestionBenchmark() {
    }

    record Result(String writer, long gatewayEvents, double seconds, long activityEvents, long transactions, long rowWrites) {
        String row() {
            return String.format("| %s | %,d | %.1f | %,.0f | %,d | %,d | %.5f | %,d | %.3f |", writer, gatewayEvents, seconds,
                    gatewayEvents / seconds, activityEvents, transactions, (double) transactions / activityEvents, rowWrites,
                    (double) rowWrites / activityEvents);
        }
    }

    public static void main(String[] args) throws Exception {
        int collectorEvents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int naiveEvents = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int processEvents = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        System.out.printf("Java %s, %d CPUs, max heap %d MB; load average %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Result> results = new ArrayList<>();
        if (collectorEvents > 0) {
            results.add(collector(Scenarios.week(5, Math.max(1_000, collectorEvents))));
        }
        if (naiveEvents > 0) {
            SimulatedCommunity week = Scenarios.week(5, Math.max(1_000, naiveEvents));
            results.add(naive(week));
        }
        System.out.println();
        System.out.println("| writer | gateway events | seconds | gateway events/s | activity events | transactions "
                + "| transactions/activity event | row upserts | row upserts/activity event |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.row()));
        if (processEvents > 0) {
            process(Scenarios.week(9, processEvents));
        }
    }

    /** A clock showing the emulator's simulated time (the time of the event it dispatched last). */
    static Clock emulatorTime(DiscordEmulator discord) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return discord.state().clock().now();
            }
        };
    }

    static Result collector(SimulatedCommunity sim) throws Exception {
        Path dir = Files.createTempDirectory("serverpulse-bench-collector");
        GatewayProgress progress = new GatewayProgress();
        try (DiscordEmulator discord = TestBots.emulator(sim); SqliteStore store = SqliteStore.open(dir)) {
            TestBots.whitelist(store, sim);
            Collector collector = Collector.builder(TestBots.config(discord, Map.of(ServerPulseConfig.FLUSH_SECONDS, "5")))
                    .store(store, false).clock(emulatorTime(discord)).gatewayUrl(discord.gatewayUrl()).listener(progress).start();
            TestBots.awaitReady(collector);
            long started = System.nanoTime();
            playAll(discord, sim, progress);
            double seconds = (System.nanoTime() - started) / 1e9;
            collector.shutdown();
            FlushStats stats = collector.flushStats();
            return new Result("collector (aggregate, bulk flush every 5 s)", sim.events().size(), seconds, stats.eventsWritten(),
                    stats.batchesApplied(), stats.bucketsWritten());
        }
    }

    static Result naive(SimulatedCommunity sim) throws Exception {
        Path dir = Files.createTempDirectory("serverpulse-bench-naive");
        GatewayProgress progress = new GatewayProgress();
        AtomicLong events = new AtomicLong();
        AtomicLong transactions = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        try (DiscordEmulator discord = TestBots.emulator(sim); SqliteStore store = SqliteStore.open(dir)) {
            TestBots.whitelist(store, sim);
            ActivitySink oneWritePerEvent = new ActivitySink() {
                @Override
                public void record(ActivityEvent event) {
                    MetricAggregator single = new MetricAggregator();
                    single.add(event);
                    MetricBatch batch = single.drain();
                    events.incrementAndGet();
                    if (!batch.isEmpty()) {
                        store.apply(batch);
                        transactions.incrementAndGet();
                        rows.addAndGet(batch.size());
                    }
                }

                @Override
                public void voicePresence(long guildId, int membersInVoice, Instant at) {
                }

                @Override
                public void memberEvent(MemberEvent event) {
                }
            };
            SettingsCache settings = new SettingsCache(store, Duration.ofSeconds(10));
            ActivityRecorder recorder = new ActivityRecorder(settings, new VoiceTracker(), oneWritePerEvent);
            ShardManager shards = Gateway.connect(new GatewayOptions(discord.token(), Optional.empty(), discord.restBaseUrl(),
                    Optional.of(discord.gatewayUrl())), List.of(new GatewayListener(recorder, settings, emulatorTime(discord)), progress));
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (shards.getShards().isEmpty() || shards.getShardsQueued() > 0
                        || shards.getShards().stream().anyMatch(j -> j.getStatus() != JDA.Status.CONNECTED)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("naive writer did not connect");
                    }
                    Thread.sleep(20);
                }
                long started = System.nanoTime();
                playAll(discord, sim, progress);
                double seconds = (System.nanoTime() - started) / 1e9;
                recorder.closeVoice(discord.state().clock().now());
                return new Result("naive (one transaction per activity event)", sim.events().size(), seconds, events.get(),
                        transactions.get(), rows.get());
            } finally {
                shards.shutdown();
            }
        }
    }

    /** Plays the timeline unpaced and waits until the bot has handled the last dispatch. */
    private static void playAll(DiscordEmulator discord, SimulatedCommunity sim, GatewayProgress progress) throws Exception {
        if (!discord.play(sim.events()).awaitCompletion(WAIT)) {
            throw new IllegalStateException("playback did not finish within " + WAIT);
        }
        for (GatewaySession session : discord.sessions()) {
            progress.await(session.shardId(), session.sequence(), WAIT);
        }
    }

    /** The bot as a process of its own over a long run: throughput, and heap after a full GC before and after. */
    static void process(SimulatedCommunity sim) throws Exception {
        Path dir = Files.createTempDirectory("serverpulse-bench-process");
        Path data = dir.resolve("data");
        try (SqliteStore store = SqliteStore.open(data)) {
            TestBots.whitelist(store, sim);
        }
        try (DiscordEmulator discord = TestBots.emulator(sim)) {
            ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dlogback.configurationFile=" + IngestionBenchmark.class.getResource("/logback.xml"),
                    "-cp", System.getProperty("java.class.path"), "io.serverpulse.collector.app.Main")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("bot.log").toFile());
            command.environment().putAll(Map.of(ServerPulseConfig.DISCORD_TOKEN, discord.token(),
                    ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl(), ServerPulseConfig.DATA_DIR, data.toString()));
            command.environment().remove(ServerPulseConfig.MONGODB_URI);
            Process bot = command.start();
            try {
                discord.awaitSessions(1, Duration.ofSeconds(60));
                while (discord.recorded().commandRegistrations().isEmpty()) {
                    Thread.sleep(20);
                }
                long before = heapAfterGc(bot.pid());
                long started = System.nanoTime();
                if (!discord.play(sim.events()).awaitCompletion(WAIT)) {
                    throw new IllegalStateException("playback did not finish");
                }
                PendingInteraction sentinel = discord.slashCommand(sim.collectedChannelIds().iterator().next(),
                        sim.community().ownerId(), "serverpulse", Map.of());
                while (discord.recorded().interactionCallbacks(sentinel.id()).isEmpty()) {
                    Thread.sleep(5);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long after = heapAfterGc(bot.pid());
                // once the counters of the last seconds are flushed too (FLUSH_SECONDS=5)
                Thread.sleep(11_000);
                long flushed = heapAfterGc(bot.pid());
                String histogram = jcmd(bot.pid(), "GC.class_histogram");
                bot.destroy();
                bot.waitFor(60, TimeUnit.SECONDS);
                String log = Files.readString(dir.resolve("bot.log"), StandardCharsets.UTF_8);
                Matcher closed = Pattern.compile("Metric flusher closed: (\\d+) events written in (\\d+) batches").matcher(log);
                String written = closed.find() ? closed.group(1) + " activity events in " + closed.group(2) + " bulk writes" : "?";
                System.out.println();
                System.out.printf("Bot process (Main, SQLite, FLUSH_SECONDS=5): %,d gateway events in %.1f s (%,.0f events/s), %s;%n",
                        sim.events().size(), seconds, sim.events().size() / seconds, written);
                System.out.printf("heap used after a full GC: %.1f MB after connecting, %.1f MB right after the last event "
                        + "(the counters of the last seconds not yet flushed), %.1f MB once they were%n", before / 1048576.0,
                        after / 1048576.0, flushed / 1048576.0);
                System.out.println("largest classes on the heap at the end (jcmd GC.class_histogram):");
                histogram.lines().skip(1).limit(14).forEach(line -> System.out.println("    " + line.strip()));
            } finally {
                bot.destroyForcibly();
            }
        }
    }

    /** {@code jcmd PID GC.run}, then the heap's "used" from {@code jcmd PID GC.heap_info}, in bytes. */
    static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("unexpected GC.heap_info: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid),
                command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
