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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh JVM to first verified reply, median of several runs:
 * <ul>
 *   <li>{@code local}: {@code java -jar interactions-function-…-lambda.jar} (the local server), from process
 *       start until a signed PING is answered PONG, then until the first command ({@code /serverpulse status},
 *       which reads the store) is answered;</li>
 *   <li>{@code lambda}: the Lambda handler in a fresh JVM (ColdStartLambdaProbe, on the same jar): process start
 *       until its first invocation is answered, as deployed (the Lambda client built on first deferral), with the
 *       client built at init, and with the SnapStart priming before the invocation; interleaved run by run.</li>
 * </ul>
 * MongoDB is the in-process stand-in of this driver. Not a test; run by hand (see BENCHMARKS.md):
 * {@code java -cp <test classpath> io.serverpulse.interactions.bench.ColdStartBenchmark [runs] [jvm options…]}.
 */
public final class ColdStartBenchmark {

    private static final Pattern PROBE = Pattern.compile("PROBE status=(\\d+) jvmToInitDoneMs=(\\d+) primingMs=(\\d+) firstInvokeMs=(\\d+)");

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<String> jvmOptions = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Path jar = Path.of("target").resolve(System.getProperty("bench.jar", "interactions-function-0.1.0-SNAPSHOT-lambda.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " not found: run mvn -pl interactions-function -am package first");
        }
        System.out.printf("machine: %d cores, load average %.2f, java %s; jar %,d bytes; JVM options %s%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), Files.size(jar), jvmOptions);
        try (MongoStandIn mongo = new MongoStandIn()) {
            String uri = mongo.freshDatabaseUri();
            InteractionKeyPair keys = InteractionKeyPair.generate();
            local(jar, jvmOptions, runs, uri, keys);
            lambdas(jar, jvmOptions, runs, uri, keys);
        }
    }

    private static void local(Path jar, List<String> jvmOptions, int runs, String mongoUri, InteractionKeyPair keys) throws Exception {
        InteractionSigner signer = new InteractionSigner(keys, Clock.systemUTC());
        InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, Clock.systemUTC());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        List<Long> pong = new ArrayList<>();
        List<Long> command = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of(javaBin()));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-Djava.awt.headless=true", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = builder.environment();
            env.put("DISCORD_PUBLIC_KEY", keys.publicKeyHex());
            env.put("MONGODB_URI", mongoUri);
            env.put("INTERACTIONS_PORT", Integer.toString(port));
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                URI uri = URI.create("http://127.0.0.1:" + port + "/");
                send(http, uri, signer.sign(factory.ping()), 1, Duration.ofSeconds(60));
                long pongAt = System.nanoTime();
                send(http, uri, signer.sign(status(factory)), 4, Duration.ofSeconds(60));
                long commandAt = System.nanoTime();
                pong.add(pongAt - start);
                command.add(commandAt - start);
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
        System.out.printf("local server, process start -> first PONG: %s%n", summary(pong));
        System.out.printf("local server, process start -> first command answered (/serverpulse status, reads MongoDB): %s%n",
                summary(command));
    }

    /** The three ways, interleaved run by run so a change in the machine's load hits them alike. */
    private static void lambdas(Path jar, List<String> jvmOptions, int runs, String mongoUri, InteractionKeyPair keys) throws Exception {
        List<String> modes = List.of("", "--eager-client", "--prime");
        Map<String, List<List<Long>>> results = new java.util.LinkedHashMap<>();
        modes.forEach(mode -> results.put(mode, List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>())));
        for (int run = 0; run < runs; run++) {
            for (String mode : modes) {
                long[] measured = lambda(jar, jvmOptions, mongoUri, keys, mode);
                for (int i = 0; i < 4; i++) {
                    results.get(mode).get(i).add(measured[i]);
                }
            }
        }
        for (String mode : modes) {
            String label = switch (mode) {
                case "--prime" -> "Lambda handler, primed (what SnapStart snapshots)";
                case "--eager-client" -> "Lambda handler, Lambda client built at init";
                default -> "Lambda handler, as deployed without SnapStart (Lambda client built on first deferral)";
            };
            List<List<Long>> r = results.get(mode);
            System.out.printf("%s, process start -> first invocation answered (/serverpulse status): %s%n", label, summary(r.get(0)));
            System.out.printf("    of which JVM start -> handler constructed: %s; priming: %s; first invocation: %s%n",
                    summary(r.get(1)), summary(r.get(2)), summary(r.get(3)));
        }
    }

    /** One cold start; returns nanoseconds: total, JVM start to handler constructed, priming, first invocation. */
    private static long[] lambda(Path jar, List<String> jvmOptions, String mongoUri, InteractionKeyPair keys, String mode) throws Exception {
        InteractionSigner signer = new InteractionSigner(keys, Clock.systemUTC());
        InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, Clock.systemUTC());
        SignedInteraction command = signer.sign(status(factory));
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", jar + java.io.File.pathSeparator + Path.of("target", "test-classes"),
                "io.serverpulse.interactions.lambda.ColdStartLambdaProbe"));
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

    /** Sends until the server answers (connection refused while it starts), and checks the interaction type. */
    private static void send(HttpClient http, URI uri, SignedInteraction signed, int expectedType, Duration patience) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.headers().forEach(request::header);
        HttpRequest built = request.build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().startsWith("{\"type\":" + expectedType)) {
                    throw new IllegalStateException("unexpected answer " + response.statusCode() + " " + response.body());
                }
                return;
            } catch (ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(2);
            }
        }
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

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
