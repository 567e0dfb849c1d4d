package io.serverpulse.collector.image;

import io.serverpulse.collector.health.HealthServer;
import io.serverpulse.collector.health.Readiness;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the container health check costs (a benchmark, not a test; BENCHMARKS.md): template.yaml's health check command
 * run in the collector's image (unpacked from {@code target/jib-image.tar}, run as {@link ImageRunner} runs it) against a
 * ready health endpoint in this JVM, against two variants of the same probe in the same rounds: the JVM's default flags,
 * and the template's flags without the image's class data archive ({@code -Xshare:off}). Per variant: median wall time
 * of a check, CPU time and largest resident set of its processes (GNU time). Rounds alternate the variants.
 *
 * <pre>mvn -B -q -pl collector -am package -DskipTests
 * mvn -B -q -pl collector -Pbench package -DskipTests -Djib.skip -Dbench.main=io.serverpulse.collector.image.ImageProbeBenchmark</pre>
 */
public final class ImageProbeBenchmark {

    private ImageProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path tarball = Paths.get(args.length > 0 ? args[0] : "target/jib-image.tar");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        ImageTarball image = ImageTarball.read(tarball);
        Path work = Files.createTempDirectory("image-bench");
        Path root = Files.createDirectories(work.resolve("root"));
        image.unpack(root);
        StringBuilder why = new StringBuilder();
        ImageRunner runner = ImageRunner.on(root, Files.createDirectories(work.resolve("logs")),
                image.config().path("config").path("WorkingDir").asText("/"), image.config().path("config").path("User").asText(), why)
                .orElseThrow(() -> new IllegalStateException("cannot run the image here: " + why));

        List<String> template = TemplateHealthCheck.command();
        String probe = template.get(template.size() - 1);
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("template.yaml's check (" + String.join(" ", template.subList(1, template.size() - 3)) + ")", template);
        variants.put("JVM defaults (java -cp … HealthProbe)", List.of("/opt/java/bin/java", "-cp", "/app/serverpulse-collector.jar", probe));
        List<String> noCds = new ArrayList<>(template);
        noCds.add(1, "-Xshare:off");
        variants.put("template.yaml's check with -Xshare:off (no class data archive)", noCds);

        try (HealthServer server = HealthServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            server.serve(() -> Readiness.READY);
            Map<String, String> env = new HashMap<>(image.environment());
            env.put("COLLECTOR_HEALTH_PORT", String.valueOf(server.address().getPort()));
            Map<String, List<long[]>> samples = new LinkedHashMap<>();
            variants.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
            for (int round = 0; round < rounds + 1; round++) {
                for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                    long[] sample = measure(runner, variant.getValue(), env);
                    if (round > 0) { // the first round warms the page cache
                        samples.get(variant.getKey()).add(sample);
                    }
                }
            }
            System.out.printf("health check in the image (%s), %d rounds, %s%n", runner.mode(), rounds,
                    "median wall ms, CPU ms (user+sys) and max RSS MB, each with its ratio to the first row");
            long[] baseline = null;
            for (Map.Entry<String, List<long[]>> entry : samples.entrySet()) {
                long wall = median(entry.getValue(), 0);
                long rss = median(entry.getValue(), 1);
                long cpu = median(entry.getValue(), 2);
                if (baseline == null) {
                    baseline = new long[] {wall, rss, cpu};
                }
                System.out.printf("| %s | %d ms | %.2f | %d ms | %.2f | %.1f MB | %.2f |%n", entry.getKey(), wall,
                        (double) wall / baseline[0], cpu, (double) cpu / baseline[2], rss / 1024.0, (double) rss / baseline[1]);
            }
        }
    }

    /** One check: its wall time (ms), the largest resident set of its processes (KB), their CPU time (ms). */
    private static long[] measure(ImageRunner runner, List<String> command, Map<String, String> env) throws Exception {
        long start = System.nanoTime();
        ImageRunner.Started check = runner.start(command, env, List.of("/usr/bin/time", "-f", "cpu=%U %S maxrss=%M"));
        if (!check.process().waitFor(60, TimeUnit.SECONDS) || check.process().exitValue() != 0) {
            throw new IllegalStateException("the check failed: " + check.printed());
        }
        long wall = Duration.ofNanos(System.nanoTime() - start).toMillis();
        String printed = check.printed();
        String[] cpu = printed.substring(printed.lastIndexOf("cpu=") + 4, printed.lastIndexOf(" maxrss=")).split(" ");
        long cpuMillis = Math.round((Double.parseDouble(cpu[0]) + Double.parseDouble(cpu[1])) * 1000);
        long rss = Long.parseLong(printed.substring(printed.lastIndexOf("maxrss=") + 7).strip());
        return new long[] {wall, rss, cpuMillis};
    }

    private static long median(List<long[]> samples, int field) {
        return samples.stream().mapToLong(s -> s[field]).sorted().skip(samples.size() / 2).findFirst().orElseThrow();
    }
}
