package io.serverpulse.digest.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.common.digest.DigestBuilder;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.Store;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Time and heap of a weekly digest with its three charts, for a guild of 100,000 members with 90 days of
 * buckets, in SQLite and in the MongoDB stand-in. Not a test; run by hand (see BENCHMARKS.md):
 * {@code java -cp <test classpath> io.serverpulse.digest.bench.DigestBenchmark [members] [days] [active share] [runs]}.
 *
 * <p>This process loads the data ({@link BenchGuild}: SQLite through the store's own {@code apply}, one batch a
 * day; the stand-in with {@link MongoBulkLoad}) and checks that both stores give the same digest. Each store is
 * then measured in a fresh JVM ({@link DigestRun}) limited to a 256 MB heap and two processors, so the figures
 * include nothing of the loading, and a digest that needed more heap would fail there.
 */
public final class DigestBenchmark {

    static final String WEEK = "2026-03-02";
    static final String NOW = "2026-03-09T03:10:00Z";

    private DigestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        double active = args.length > 2 ? Double.parseDouble(args[2]) : 0.04;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        System.out.printf("machine: %d cores, load average %.2f, java %s%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        Path dir = Files.createTempDirectory("digest-bench");
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/digest_bench";
        GuildSettings settings = GuildSettings.defaults(BenchGuild.GUILD).withDigest(DigestFrequency.WEEKLY, Instant.EPOCH)
                .withTimeZone("Europe/Berlin", Instant.EPOCH);
        long loadStart = System.nanoTime();
        long rows = 0;
        try (SqliteStore sqlite = SqliteStore.open(dir); MongoStore standIn = MongoStores.connect(uri);
             MongoBulkLoad bulk = new MongoBulkLoad(uri, "digest_bench")) {
            sqlite.saveSettings(settings);
            standIn.saveSettings(settings);
            BenchGuild guild = new BenchGuild(42, members, active);
            Instant last = LocalDate.parse(WEEK).plusDays(6).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int d = days - 1; d >= 0; d--) {
                BenchGuild.Day day = guild.day(last.minus(Duration.ofDays(d)), d);
                sqlite.apply(day.batch());
                bulk.insert(day.batch(), Retention.DEFAULT.metrics());
                rows += day.batch().size();
                for (Store store : List.of(sqlite, standIn)) {
                    store.recordMemberEvents(day.memberEvents());
                    day.alerts().forEach(store::saveAlert);
                }
            }
            System.out.printf("data: %d members (%.0f %% active a day), %d days, %,d bucket rows in each store, loaded in %.0f s%n",
                    members, active * 100, days, rows, (System.nanoTime() - loadStart) / 1e9);
            DigestPeriod week = DigestPeriod.weekly(LocalDate.parse(WEEK), settings.zone());
            DigestReport fromSqlite = new DigestBuilder(sqlite, sqlite, sqlite, sqlite).build(settings, week);
            DigestReport fromMongo = new DigestBuilder(standIn, standIn, standIn, standIn).build(settings, week);
            if (!fromSqlite.equals(fromMongo)) {
                throw new IllegalStateException("SQLite and the stand-in give different digests: the bulk load is wrong");
            }
            System.out.printf("check: both stores give the same digest (%,d messages, %,d active members in the week)%n",
                    fromSqlite.current().messages(), fromSqlite.current().activeMembers());
        }
        System.out.println("sqlite " + measure("sqlite:" + dir, runs));
        // every read scans whole collections in the stand-in (it ignores secondary indexes): fewer runs there
        System.out.println("mongodb-standin " + measure("mongodb-standin:" + uri, Math.max(3, runs / 4)));
        mongo.shutdownNow();
    }

    private static String measure(String target, int runs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:ActiveProcessorCount=2", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), DigestRun.class.getName(), target, Integer.toString(runs)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring(7);
                } else if (!line.isBlank()) {
                    System.out.println("  | " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException(target + ": the measured process failed (exit " + exit + ")");
        }
        return result;
    }
}
