package io.serverpulse.collector.bench;

import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot as deployed ({@code Main}, its own process, SQLite, {@code FLUSH_SECONDS=5}) under the
 * heaviest gateway load this machine gives it: the emulator plays {@link Scenarios#multiGuild} (500
 * guilds of 30 to 800 members, three days) as fast as the bot reads, once per set of JVM options,
 * one after the other in one run. Measured per run: gateway events/s, events dropped, the resident
 * set (RSS, sampled every 200 ms, and the kernel's peak {@code VmHWM}), the heap used after a full GC
 * at the end, the committed heap, and the time spent in GC during the run.
 *
 * <p>Arguments: {@code [guilds] [jvm options of run 1] [jvm options of run 2] …}, options of one run
 * separated by spaces, {@code default} for none (defaults: {@code 500 default -Xmx256m}).
 */
public final class BotMemoryBenchmark {

    private static final Duration WAIT = Duration.ofMinutes(30);

    private BotMemoryBenchmark() {
    }

    record Run(String options, long events, double seconds, long dropped, long peakRssKb, long kernelPeakKb, long heapUsedKb,
               long heapCommittedKb, double gcSeconds) {
        String row() {
            return String.format("| `%s` | %,d | %.1f | %,.0f | %,d | %.0f | %.0f | %.1f | %.0f | %.1f |", options, events, seconds,
                    events / seconds, dropped, peakRssKb / 1024.0, kernelPeakKb / 1024.0, heapUsedKb / 1024.0,
                    heapCommittedKb / 1024.0, gcSeconds);
        }
    }

    public static void main(String[] args) throws Exception {
        int guilds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        List<String> settings = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("default", "-Xmx256m");
        System.out.printf("Java %s, %d CPUs, %d MB of RAM; load average %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        SimulatedCommunity sim = Scenarios.multiGuild(11, guilds);
        List<Run> runs = new ArrayList<>();
        for (String options : settings) {
            Run run = run(sim, options);
            System.out.println(run.row() + "   (load average " + String.format("%.1f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + ")");
            runs.add(run);
        }
        System.out.println();
        System.out.println("| JVM options | gateway events | seconds | events/s | events dropped | peak RSS sampled (MB) "
                + "| peak RSS, kernel VmHWM (MB) | heap used after full GC at the end (MB) | heap committed at the end (MB) "
                + "| GC time during the run (s) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        runs.forEach(r -> System.out.println(r.row()));
    }

    static Run run(SimulatedCommunity sim, String options) throws Exception {
        Path dir = Files.createTempDirectory("serverpulse-bench-memory");
        Path data = dir.resolve("data");
        try (SqliteStore store = SqliteStore.open(data)) {
            TestBots.whitelist(store, sim);
        }
        try (DiscordEmulator discord = TestBots.emulator(sim)) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if (!options.equals("default")) {
                command.addAll(List.of(options.split(" ")));
            }
            command.addAll(List.of("-Dlogback.configurationFile=" + BotMemoryBenchmark.class.getResource("/logback.xml"),
                    "-cp", System.getProperty("java.class.path"), "io.serverpulse.collector.app.Main"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("bot.log").toFile());
            builder.environment().putAll(Map.of(ServerPulseConfig.DISCORD_TOKEN, discord.token(),
                    ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl(), ServerPulseConfig.DATA_DIR, data.toString()));
            builder.environment().remove(ServerPulseConfig.MONGODB_URI);
            Process bot = builder.start();
            AtomicLong peakRss = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (bot.isAlive()) {
                    peakRss.accumulateAndGet(status(bot.pid(), "VmRSS"), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
            try {
                discord.awaitSessions(1, Duration.ofSeconds(60));
                while (discord.recorded().commandRegistrations().isEmpty()) {
                    Thread.sleep(20);
                }
                long started = System.nanoTime();
                if (!discord.play(sim.events()).awaitCompletion(WAIT)) {
                    throw new IllegalStateException("playback did not finish");
                }
                var first = sim.communities().get(0);
                long channel = first.channels().stream().map(c -> c.id()).filter(sim.collectedChannelIds()::contains)
                        .findFirst().orElseThrow();
                PendingInteraction sentinel = discord.slashCommand(channel, first.ownerId(), "serverpulse", Map.of());
                while (discord.recorded().interactionCallbacks(sentinel.id()).isEmpty()) {
                    Thread.sleep(5);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double gcSeconds = gcSeconds(bot.pid());
                long kernelPeak = status(bot.pid(), "VmHWM");
                long heapUsed = IngestionBenchmark.heapAfterGc(bot.pid()) / 1024;
                long committed = committedHeapKb(bot.pid());
                bot.destroy();
                bot.waitFor(60, TimeUnit.SECONDS);
                String log = Files.readString(dir.resolve("bot.log"), StandardCharsets.UTF_8);
                Matcher closed = Pattern.compile("Metric flusher closed: \\d+ events written in \\d+ batches, (\\d+) dropped").matcher(log);
                long dropped = closed.find() ? Long.parseLong(closed.group(1)) : -1;
                return new Run(options, sim.events().size(), seconds, dropped, peakRss.get(), kernelPeak, heapUsed, committed,
                        gcSeconds);
            } finally {
                bot.destroyForcibly();
                sampler.interrupt();
            }
        }
    }

    /** A {@code kB} line of {@code /proc/<pid>/status}, e.g. {@code VmRSS}; 0 if it cannot be read. */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The bot's collectors' accumulated time so far ({@code jcmd PerfCounter.print}), in seconds. */
    private static double gcSeconds(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid),
                "PerfCounter.print").redirectErrorStream(true).start();
        String counters = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        Matcher frequency = Pattern.compile("sun\\.os\\.hrt\\.frequency=(\\d+)").matcher(counters);
        if (!frequency.find()) {
            return -1;
        }
        double ticks = 0;
        Matcher time = Pattern.compile("sun\\.gc\\.collector\\.\\d+\\.time=(\\d+)").matcher(counters);
        while (time.find()) {
            ticks += Long.parseLong(time.group(1));
        }
        return ticks / Long.parseLong(frequency.group(1));
    }

    private static long committedHeapKb(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid),
                "GC.heap_info").redirectErrorStream(true).start();
        String info = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        Matcher total = Pattern.compile("total (\\d+)K, used \\d+K").matcher(info);
        return total.find() ? Long.parseLong(total.group(1)) : -1;
    }
}
