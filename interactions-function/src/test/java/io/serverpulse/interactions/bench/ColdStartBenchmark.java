package io.serverpulse.interactions.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.interactions.Entities;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.interactions.Invoker;
import io.serverpulse.emulator.interactions.SignedInteraction;
import io.serverpulse.emulator.interactions.SlashCommand;
import io.serverpulse.interactions.support.MongoStandIn;
import io.serverpulse.interactions.support.SlowClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start and warm answers of the interactions endpoint against its peers, all measured in one run, run by
 * run interleaved (a change in the machine's load hits them alike), reported as ratios to the minimal JDK
 * endpoint of the same run:
 * <ul>
 *   <li><b>minimal JDK endpoint</b> ({@link MinimalJdkEndpoint}, default JVM options): the baseline;</li>
 *   <li><b>Node + discord-interactions</b>: Discord's npm package ({@code verifyKey}) on Node's http module,
 *       installed with npm into a temporary directory for the run (when node and npm are on the PATH);</li>
 *   <li><b>Undertow</b> and <b>Jetty</b>: the minimal endpoint's work on those embedded servers, with the
 *       per-connection deadlines they offer ({@link UndertowEndpoint}, {@link JettyEndpoint}): what choosing one of
 *       them would add to a start;</li>
 *   <li><b>local server</b>: {@code java <options> -jar interactions-function-…-lambda.jar}, as the README runs it,
 *       with and without the AppCDS archive the build makes.</li>
 * </ul>
 * Each run: process start → the port accepts → a signed PING → its PONG ("spawn → first PONG"); then, warm, a
 * number of PINGs on one keep-alive connection (p50/p99); then the process's resident memory (VmRSS). MongoDB is
 * the in-process stand-in, reachable. Then the local server under a flood of 200 slow clients and 200 silent
 * connections (held open: each reconnects when closed), PING p50/p99. Then the Lambda handler (ColdStartLambdaProbe).
 * Not a test; run by hand (see BENCHMARKS.md):
 * {@code java -cp <test classpath> io.serverpulse.interactions.bench.ColdStartBenchmark [runs] [warm PINGs]}.
 */
public final class ColdStartBenchmark {

    /** The JVM options of the documented run command (README): small serial heap, C1 only, small thread stacks. */
    static final List<String> LOCAL_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss256k", "-Xms8m", "-Xmx64m",
            "-XX:ReservedCodeCacheSize=32m", "-XX:MaxMetaspaceSize=96m", "-XX:-UsePerfData");
    private static final String DISCORD_INTERACTIONS = "discord-interactions@4.4.0";
    private static final Pattern PROBE = Pattern.compile("PROBE status=(\\d+) jvmToInitDoneMs=(\\d+) primingMs=(\\d+) firstInvokeMs=(\\d+)");

    private record Peer(String name, List<String> command, Map<String, String> env) {
    }

    private record Run(long spawnToOpen, long spawnToPong, double warmP50, double warmP99, long rssKb) {
    }

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path jar = Path.of("target").resolve(System.getProperty("bench.jar", "interactions-function-0.1.0-SNAPSHOT-lambda.jar"));
        Path archive = Path.of(jar.toString().replace(".jar", ".jsa"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " not found: run mvn -pl interactions-function -am package first");
        }
        System.out.printf("machine: %d cores, load average %.2f, java %s; jar %,d bytes; CDS archive %s%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), Files.size(jar), Files.isRegularFile(archive) ? Files.size(archive) + " bytes" : "absent");
        InteractionKeyPair keys = InteractionKeyPair.generate();
        try (MongoStandIn mongo = new MongoStandIn()) {
            String mongoUri = mongo.freshDatabaseUri();
            List<Peer> peers = new ArrayList<>();
            peers.add(new Peer("minimal JDK endpoint (baseline)", List.of(javaBin(), "-cp", Path.of("target", "test-classes").toString(),
                    MinimalJdkEndpoint.class.getName()), Map.of()));
            nodePeer().ifPresent(peers::add);
            peers.add(new Peer("Undertow 2.3 (parse/no-request timeouts)", List.of(javaBin(), "-cp",
                    classpath("undertow", "xnio", "jboss", "wildfly", "smallrye"), UndertowEndpoint.class.getName()), Map.of()));
            peers.add(new Peer("Jetty 12 (idle timeout, min data rate)", List.of(javaBin(), "-cp",
                    classpath("jetty", "slf4j-api"), JettyEndpoint.class.getName()), Map.of()));
            List<String> local = new ArrayList<>(List.of(javaBin()));
            local.addAll(LOCAL_JVM);
            local.addAll(List.of("-jar", jar.toString()));
            peers.add(new Peer("local server, documented options", local, Map.of("MONGODB_URI", mongoUri)));
            if (Files.isRegularFile(archive)) {
                List<String> cds = new ArrayList<>(List.of(javaBin()));
                cds.addAll(LOCAL_JVM);
                cds.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-jar", jar.toString()));
                peers.add(new Peer("local server, documented options + AppCDS", cds, Map.of("MONGODB_URI", mongoUri)));
            }
            List<String> defaults = new ArrayList<>(List.of(javaBin(), "-jar", jar.toString()));
            peers.add(new Peer("local server, default JVM options", defaults, Map.of("MONGODB_URI", mongoUri)));
            compare(peers, runs, warm, keys);
            List<String> flooded = Files.isRegularFile(archive) ? peers.get(peers.size() - 2).command() : local;
            underFlood(new Peer("local server", flooded, Map.of("MONGODB_URI", mongoUri)), keys, warm);
            lambdas(jar, runs, mongoUri, keys);
        }
    }

    private static void compare(List<Peer> peers, int runs, int warm, InteractionKeyPair keys) throws Exception {
        Map<String, List<Run>> results = new LinkedHashMap<>();
        peers.forEach(peer -> results.put(peer.name(), new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (Peer peer : peers) {
                results.get(peer.name()).add(once(peer, keys, warm));
            }
        }
        Run base = medians(results.get(peers.get(0).name()));
        System.out.printf("%n%-45s %12s %20s %8s %12s %12s %10s %8s%n", "endpoint", "port open", "spawn->1st PONG", "ratio",
                "warm p50", "warm p99", "RSS warm", "ratio");
        for (Peer peer : peers) {
            List<Run> all = results.get(peer.name());
            Run median = medians(all);
            long min = all.stream().mapToLong(Run::spawnToPong).min().orElse(0) / 1_000_000;
            long max = all.stream().mapToLong(Run::spawnToPong).max().orElse(0) / 1_000_000;
            System.out.printf("%-45s %9d ms %6d ms (%d-%d) %7.2fx %9.2f ms %9.2f ms %7.1f MB %7.2fx%n", peer.name(),
                    median.spawnToOpen() / 1_000_000, median.spawnToPong() / 1_000_000, min, max,
                    (double) median.spawnToPong() / base.spawnToPong(), median.warmP50(),
                    median.warmP99(), median.rssKb() / 1024.0, (double) median.rssKb() / base.rssKb());
        }
    }

    /** One cold start: spawn → first PONG, then warm PINGs on the same connection, then RSS. */
    private static Run once(Peer peer, InteractionKeyPair keys, int warm) throws Exception {
        InteractionSigner signer = new InteractionSigner(keys, Clock.systemUTC());
        InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, Clock.systemUTC());
        int port = freePort();
        List<SignedInteraction> pings = new ArrayList<>();
        for (int i = 0; i < warm + 1; i++) {
            pings.add(signer.sign(factory.ping()));
        }
        Path output = Files.createTempFile("serverpulse-bench-", ".log");
        ProcessBuilder builder = new ProcessBuilder(peer.command()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(peer.env());
        builder.environment().put("DISCORD_PUBLIC_KEY", keys.publicKeyHex());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("INTERACTIONS_PORT", Integer.toString(port));
        long start = System.nanoTime();
        Process process = builder.start();
        try (RawHttp http = RawHttp.connect(port, Duration.ofSeconds(60))) {
            long spawnToOpen = System.nanoTime() - start;
            RawHttp.Answer pong = http.post(pings.get(0));
            long spawnToPong = System.nanoTime() - start;
            expectPong(peer, pong);
            List<Long> times = new ArrayList<>();
            for (int i = 1; i <= warm; i++) {
                long sent = System.nanoTime();
                expectPong(peer, http.post(pings.get(i)));
                times.add(System.nanoTime() - sent);
            }
            List<Long> measured = times.subList(times.size() / 2, times.size());
            Stats stats = new Stats(measured);
            return new Run(spawnToOpen, spawnToPong, stats.median(), stats.percentile(99), rssKb(process.pid()));
        } catch (IOException e) {
            throw new IllegalStateException(peer.name() + " failed (" + e + "); its output:\n" + Files.readString(output), e);
        } finally {
            process.destroy();
            process.waitFor();
            Files.deleteIfExists(output);
        }
    }

    /** The local server with 200 slow clients and 200 silent connections held open (each reopened when closed). */
    private static void underFlood(Peer peer, InteractionKeyPair keys, int count) throws Exception {
        InteractionSigner signer = new InteractionSigner(keys, Clock.systemUTC());
        InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, Clock.systemUTC());
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(peer.command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(peer.env());
        builder.environment().put("DISCORD_PUBLIC_KEY", keys.publicKeyHex());
        builder.environment().put("INTERACTIONS_PORT", Integer.toString(port));
        Process process = builder.start();
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        try (RawHttp http = RawHttp.connect(port, Duration.ofSeconds(60))) {
            for (int i = 0; i < 200; i++) {
                expectPong(peer, http.post(signer.sign(factory.ping())));
            }
            List<Long> quiet = pings(http, signer, factory, peer, count);
            List<Long> flooded;
            int opened;
            try (Flood flood = new Flood(uri)) {
                flood.holdOpen(Duration.ofSeconds(2));
                flooded = pings(http, signer, factory, peer, count);
                opened = flood.opened();
            }
            System.out.printf("%n%s, PINGs on a keep-alive connection, quiet: %s%n", peer.name(), new Stats(quiet).summary());
            System.out.printf("%s, PINGs while 200 slow clients (100 slow headers, 100 slow body) and 200 silent connections are"
                    + " held open (%d connections opened in all): %s%n", peer.name(), opened, new Stats(flooded).summary());
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static List<Long> pings(RawHttp http, InteractionSigner signer, InteractionFactory factory, Peer peer, int count)
            throws IOException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SignedInteraction ping = signer.sign(factory.ping());
            long sent = System.nanoTime();
            expectPong(peer, http.post(ping));
            times.add(System.nanoTime() - sent);
        }
        return times;
    }

    /** Keeps 100 slow-header, 100 slow-body and 200 silent clients open from 20 loopback addresses, reopening closed ones. */
    private static final class Flood implements AutoCloseable {
        private final URI uri;
        private final List<SlowClients> generations = new ArrayList<>();
        private final Thread keeper;
        private volatile boolean stop;

        Flood(URI uri) {
            this.uri = uri;
            this.keeper = new Thread(this::keep, "flood-keeper");
            this.keeper.setDaemon(true);
        }

        void holdOpen(Duration warmUp) throws InterruptedException {
            keeper.start();
            Thread.sleep(warmUp.toMillis());
        }

        private void keep() {
            while (!stop) {
                try {
                    SlowClients clients = new SlowClients()
                            .open(uri, SlowClients.Kind.SLOW_HEADERS, 100, 20, 2)
                            .open(uri, SlowClients.Kind.SLOW_BODY, 100, 20, 7)
                            .open(uri, SlowClients.Kind.SILENT, 200, 20, 12);
                    synchronized (generations) {
                        generations.add(clients);
                    }
                    // the server closes them at its deadline; open the next 400 when most are gone
                    while (!stop && clients.clients().stream().filter(c -> !c.closedByServer()).count() > 40) {
                        Thread.sleep(20);
                    }
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }

        int opened() {
            synchronized (generations) {
                return generations.stream().mapToInt(g -> g.clients().size()).sum();
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            keeper.join(10_000);
            synchronized (generations) {
                generations.forEach(SlowClients::close);
            }
        }
    }

    private static java.util.Optional<Peer> nodePeer() throws IOException, InterruptedException {
        if (!onPath("node") || !onPath("npm")) {
            System.out.println("node/npm not found: the Node peer is left out");
            return java.util.Optional.empty();
        }
        Path dir = Files.createTempDirectory("serverpulse-bench-node");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent", DISCORD_INTERACTIONS)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (install.waitFor() != 0) {
            System.out.println("npm install " + DISCORD_INTERACTIONS + " failed: the Node peer is left out");
            return java.util.Optional.empty();
        }
        Path server = dir.resolve("server.js");
        Files.writeString(server, String.join("\n",
                "const http = require('http');",
                "const { verifyKey, InteractionType, InteractionResponseType } = require('discord-interactions');",
                "const key = process.env.DISCORD_PUBLIC_KEY;",
                "http.createServer((req, res) => {",
                "  const chunks = [];",
                "  req.on('data', (c) => chunks.push(c));",
                "  req.on('end', async () => {",
                "    const body = Buffer.concat(chunks);",
                "    const ok = await verifyKey(body, req.headers['x-signature-ed25519'], req.headers['x-signature-timestamp'], key);",
                "    if (!ok) { res.writeHead(401, {'Content-Type': 'application/json'}); return res.end('{\"error\":\"bad signature\"}'); }",
                "    const interaction = JSON.parse(body);",
                "    if (interaction.type === InteractionType.PING) {",
                "      res.writeHead(200, {'Content-Type': 'application/json'});",
                "      return res.end(JSON.stringify({ type: InteractionResponseType.PONG }));",
                "    }",
                "    res.writeHead(400, {'Content-Type': 'application/json'}); res.end('{}');",
                "  });",
                "}).listen(Number(process.env.PORT), '127.0.0.1');", ""));
        return java.util.Optional.of(new Peer("Node " + DISCORD_INTERACTIONS, List.of("node", server.toString()), Map.of()));
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static boolean onPath(String tool) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + tool).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }

    private static void expectPong(Peer peer, RawHttp.Answer answer) {
        if (answer.status() != 200 || !answer.body().replace(" ", "").equals("{\"type\":1}")) {
            throw new IllegalStateException(peer.name() + " answered " + answer.status() + " " + answer.body());
        }
    }

    private static Run medians(List<Run> runs) {
        return new Run(median(runs.stream().mapToDouble(Run::spawnToOpen).toArray()).longValue(),
                median(runs.stream().mapToDouble(Run::spawnToPong).toArray()).longValue(),
                median(runs.stream().mapToDouble(Run::warmP50).toArray()),
                median(runs.stream().mapToDouble(Run::warmP99).toArray()),
                median(runs.stream().mapToDouble(Run::rssKb).toArray()).longValue());
    }

    private static Double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    // ---- the Lambda handler in a fresh JVM (as before): deployed as is, and primed as SnapStart snapshots it

    private static void lambdas(Path jar, int runs, String mongoUri, InteractionKeyPair keys) throws Exception {
        List<String> modes = List.of("", "--prime");
        Map<String, List<List<Long>>> results = new LinkedHashMap<>();
        modes.forEach(mode -> results.put(mode, List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>())));
        for (int run = 0; run < runs; run++) {
            for (String mode : modes) {
                long[] measured = lambda(jar, mongoUri, keys, mode);
                for (int i = 0; i < 4; i++) {
                    results.get(mode).get(i).add(measured[i]);
                }
            }
        }
        System.out.println();
        for (String mode : modes) {
            String label = mode.equals("--prime") ? "Lambda handler, primed (what SnapStart snapshots)"
                    : "Lambda handler, as deployed without SnapStart";
            List<List<Long>> r = results.get(mode);
            System.out.printf("%s, process start -> first invocation answered (/serverpulse status): %s%n", label, summary(r.get(0)));
            System.out.printf("    of which JVM start -> handler constructed: %s; priming: %s; first invocation: %s%n",
                    summary(r.get(1)), summary(r.get(2)), summary(r.get(3)));
        }
    }

    /** One cold start; returns nanoseconds: total, JVM start to handler constructed, priming, first invocation. */
    private static long[] lambda(Path jar, String mongoUri, InteractionKeyPair keys, String mode) throws Exception {
        InteractionSigner signer = new InteractionSigner(keys, Clock.systemUTC());
        InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, Clock.systemUTC());
        SignedInteraction command = signer.sign(status(factory));
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp",
                jar + java.io.File.pathSeparator + Path.of("target", "test-classes"), "io.serverpulse.interactions.lambda.ColdStartLambdaProbe"));
        if (!mode.isEmpty()) {
            cmd.add(mode);
        }
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DISCORD_PUBLIC_KEY", keys.publicKeyHex());
        env.put("MONGODB_URI", mongoUri);
        env.put("WORKER_FUNCTION_NAME", "serverpulse-worker:live");
        env.put("AWS_REGION", "eu-central-1");
        env.put("BENCH_BODY", command.bodyText());
        env.put("BENCH_SIGNATURE", command.signatureHex().orElseThrow());
        env.put("BENCH_TIMESTAMP", command.timestamp().orElseThrow());
        long start = System.nanoTime();
        Process process = builder.start();
        long total = -1;
        Matcher probe = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = PROBE.matcher(line);
                if (m.find()) {
                    total = System.nanoTime() - start;
                    probe = m;
                    break;
                }
            }
        }
        process.waitFor();
        if (probe == null || !probe.group(1).equals("200")) {
            throw new IllegalStateException("the probe did not answer 200");
        }
        return new long[] {total, Long.parseLong(probe.group(2)) * 1_000_000, Long.parseLong(probe.group(3)) * 1_000_000,
                Long.parseLong(probe.group(4)) * 1_000_000};
    }

    private static ObjectNode status(InteractionFactory factory) {
        Entities.Guild guild = new Entities.Guild(1_150_000_000_000_000_001L, "en-US");
        Invoker admin = new Invoker(guild, Entities.Channel.text(1_150_000_000_000_001_000L, "general", guild.id()),
                Entities.Member.of(Entities.User.human(1_100_000_000_000_000_001L, "admin"), (1L << 5) | (1L << 10) | (1L << 11),
                        Instant.parse("2024-01-01T00:00:00Z")), "en-US", 0);
        return factory.slashCommand(admin, SlashCommand.of(1L, "serverpulse", new SlashCommand.Subcommand("status", List.of())));
    }

    private static String summary(List<Long> nanos) {
        Stats stats = new Stats(nanos);
        return String.format("median %.0f ms (min %.0f, max %.0f, n=%d)", stats.median(), stats.min(), stats.max(), stats.count());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The test classes and only the jars of this classpath whose path names one of {@code libraries}. */
    private static String classpath(String... libraries) {
        List<String> entries = new ArrayList<>(List.of(Path.of("target", "test-classes").toString()));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (entry.endsWith(".jar") && java.util.Arrays.stream(libraries).anyMatch(name::startsWith)) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
