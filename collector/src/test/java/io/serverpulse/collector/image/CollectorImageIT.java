package io.serverpulse.collector.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertNoticeJson;
import io.serverpulse.common.testing.aws.SqsStandIn;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's image as {@code jib:buildTar} wrote it in this build ({@code target/jib-image.tar}, profile
 * {@code image}): its entry point and user, what it carries (the very jar {@code CollectorJarIT} checks, a Java runtime
 * without what the collector does not use, no shell), and, run from its own files as a container would run it
 * ({@link ImageRunner}), its Java starting the collector: a missing token is one line and exit status 2; against the
 * emulator and stand-ins for MongoDB and SQS the collector becomes ready, the health check that template.yaml gives ECS
 * says so, and a join raid reaches the alert queue (the AWS mode's whole path, on the image's Java runtime).
 */
class CollectorImageIT {

    private static final Duration END = Duration.ofSeconds(90);
    private static final List<String> ENTRYPOINT = List.of("/opt/java/bin/java", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=25",
            "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/serverpulse-collector.jar");

    @TempDir
    static Path work;

    private static ImageTarball image;
    private static Map<String, ImageTarball.Entry> files;
    private static Path root;

    @BeforeAll
    static void unpack() throws IOException {
        Path tarball = Paths.get(System.getProperty("serverpulse.collector.image", "target/jib-image.tar"));
        if (!Files.isRegularFile(tarball)) {
            // the image is built by the collector's "image" profile, on Linux with a JDK that has jlink
            assertThat(System.getProperty("serverpulse.collector.image.skipped"))
                    .as("the image profile ran without -Djib.skip, but %s is missing", tarball).isNotEqualTo("false");
            System.out.println("SKIPPED: the collector's image not checked: " + tarball + " was not built on this host"
                    + " (the image profile runs on Linux with a JDK that has jlink)");
            Assumptions.abort("no image built on this host");
        }
        image = ImageTarball.read(tarball);
        root = Files.createDirectories(work.resolve("root"));
        files = image.unpack(root);
        System.out.println("collector image layers (compressed bytes): " + image.layerSizes());
    }

    @Test
    void itRunsTheCollectorJarAsANonRootUser() throws IOException {
        // GIVEN / WHEN the image's config
        JsonNode config = image.config().path("config");

        // THEN it runs the collector jar with the image's own Java, a heap bound to the container's memory
        assertThat(image.command()).isEqualTo(ENTRYPOINT);
        // AND as user 65532, not root; in the AWS mode with its health endpoint on (loopback), printing UTF-8
        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        assertThat(image.environment()).containsEntry("SERVERPULSE_MODE", "aws").containsEntry("COLLECTOR_HEALTH_PORT", "8081")
                .containsEntry("LANG", "C.UTF-8").doesNotContainKeys("COLLECTOR_HEALTH_BIND", "DISCORD_TOKEN", "MONGODB_URI");
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains("nonroot:x:65532:65532:");
        // AND it is for this host's Linux and architecture (amd64, arm64, …)
        assertThat(image.config().path("os").asText()).isEqualTo("linux");
        assertThat(image.config().path("architecture").asText())
                .isEqualTo(System.getProperty("os.arch").replace("aarch64", "arm64"));
    }

    @Test
    void itCarriesTheCollectorJarARuntimeWithoutWhatItDoesNotUseAndNoShell() throws IOException {
        // GIVEN the jar in the image
        Path jar = root.resolve("app/serverpulse-collector.jar");

        // THEN it is the packaged collector jar itself (the one CollectorJarIT checks), with no test bed inside
        Path built = Paths.get(System.getProperty("serverpulse.collector.jar", "target/serverpulse-collector.jar"));
        assertThat(Files.mismatch(jar, built)).as("same bytes as %s", built).isEqualTo(-1L);
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.serverpulse.collector.app.Main");
            assertThat(names).contains("io/serverpulse/collector/health/HealthProbe.class");
            assertThat(names).noneMatch(n -> n.startsWith("io/serverpulse/emulator/") || n.startsWith("io/serverpulse/demo/"));
        }
        // AND a Java runtime with the modules the collector loads (the JNDI DNS provider for mongodb+srv://, EC for
        // TLS, the JDK's HTTP server, German and French number formats), without the desktop and compiler modules
        String modules = Files.readAllLines(root.resolve("opt/java/release")).stream().filter(l -> l.startsWith("MODULES="))
                .findFirst().orElseThrow();
        assertThat(modules).contains("java.base", "jdk.naming.dns", "jdk.crypto.ec", "jdk.httpserver", "jdk.localedata",
                "java.security.sasl", "java.net.http", "java.sql");
        assertThat(modules).doesNotContain("java.desktop", "jdk.compiler", "jdk.jshell");
        // AND no shell, no package manager: nothing to run but Java
        assertThat(files).doesNotContainKeys("/bin/sh", "/bin/bash", "/usr/bin/env", "/bin/busybox");
        assertThat(files.keySet()).filteredOn(p -> p.matches("/(s?bin|usr/s?bin)/.*")).isEmpty();
        // AND every file is root's and readable by the image's user; java and the dynamic loader executable; /tmp writable
        assertThat(files.values()).allSatisfy(entry -> {
            assertThat(entry.uid()).as(entry.path()).isZero();
            assertThat(entry.mode() & 0004).as(entry.path() + " readable by others").isNotZero();
            assertThat(entry.mode() & 0002).as(entry.path() + " not writable by others").isEqualTo(entry.path().equals("/tmp") ? 2 : 0);
        });
        assertThat(files.get("/opt/java/bin/java").mode()).isEqualTo(0755);
        assertThat(files.values()).filteredOn(e -> e.path().matches("/lib(64)?/.*ld-(linux|musl)[^/]*"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.mode()).as(e.path()).isEqualTo(0755));
        assertThat(files.get("/tmp").mode()).isEqualTo(0777);
    }

    @Test
    void itsJavaStartsTheCollectorWhichNamesAMissingTokenInOneLine() throws Exception {
        // GIVEN the image run as a container runs it: its entry point, its environment, nothing else
        ImageRunner runner = runner("token");

        // WHEN it starts without DISCORD_TOKEN
        ImageRunner.Result run = runner.run(image.command(), image.environment(), END);

        // THEN the collector says what is missing in one line (in UTF-8: the arrow is intact), exit status 2
        assertThat(run.status()).as(run.printed()).isEqualTo(2);
        assertThat(run.err().strip().lines()).as(run.printed()).singleElement().asString()
                .startsWith("Missing required setting DISCORD_TOKEN: the bot token from the Developer Portal (Bot → Reset Token)");
        assertThat(run.out()).isEmpty();

        // AND the self-hosted mode, which draws charts with java.desktop, is refused in one line naming the variable
        Map<String, String> selfHosted = new HashMap<>(image.environment());
        selfHosted.put("SERVERPULSE_MODE", "self-hosted");
        selfHosted.put("DISCORD_TOKEN", "MTIz.abc.def");
        ImageRunner.Result refused = runner.run(image.command(), selfHosted, END);
        assertThat(refused.status()).as(refused.printed()).isEqualTo(2);
        assertThat(refused.err().strip().lines()).as(refused.printed()).singleElement().asString()
                .startsWith("Invalid SERVERPULSE_MODE=self-hosted: this Java runtime has no java.desktop module");
    }

    @Test
    void againstDiscordTheCollectorBecomesReadyQueuesAnAlertAndTheHealthCheckOfTheTemplateSaysSo() throws Exception {
        ImageRunner runner = runner("aws");
        List<String> healthCheck = TemplateHealthCheck.command();
        SimulatedCommunity sim = Scenarios.small(41);
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        try (SqsStandIn sqs = new SqsStandIn(); DiscordEmulator discord = TestBots.emulator(sim)) {
            // GIVEN the image's collector in the AWS mode against the emulator, the MongoDB stand-in and an SQS stand-in
            // (the SDK sent there by its endpoint variable), its health port moved off 8081 as it shares this host's network
            int port = freePort();
            String queueUrl = sqs.createQueue("serverpulse-alerts.fifo", Duration.ofMinutes(9));
            Map<String, String> env = new HashMap<>(image.environment());
            env.putAll(Map.of("DISCORD_TOKEN", discord.token(), "DISCORD_API_BASE_URL", discord.restBaseUrl(),
                    "MONGODB_URI", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/serverpulse",
                    "ALERT_QUEUE_URL", queueUrl, "AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString(), "AWS_REGION", SqsStandIn.REGION,
                    "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test-secret", "COLLECTOR_HEALTH_PORT", String.valueOf(port)));
            // (before it runs, the health check fails)
            ImageRunner.Result before = runner.run(healthCheck, env, END);
            assertThat(before.status()).as(before.printed()).isEqualTo(1);
            assertThat(before.out()).startsWith("not ready: nothing answers on 127.0.0.1:" + port);

            ImageRunner.Started collector = runner.start(image.command(), env);
            try {
                // WHEN it has connected
                discord.awaitSessions(1, Duration.ofSeconds(60));

                // THEN its health endpoint turns ready, and the health check template.yaml gives ECS, run in the image,
                // exits 0 printing "ready"
                awaitReady(port, collector);
                ImageRunner.Result check = runner.run(healthCheck, env, END);
                assertThat(check.status()).as(check.printed()).isZero();
                assertThat(check.out()).isEqualTo("ready\n");
                assertThat(check.err()).isEmpty();

                // AND when the guild's days are played, its join raid goes to the alert queue in the guild's group
                discord.play(sim.events());
                SqsStandIn.Message first = awaitMessage(sqs, collector);
                assertThat(first.groupId()).isEqualTo(Long.toUnsignedString(sim.community().guildId()));
                assertThat(AlertNoticeJson.fromJson(first.body()).kind()).isEqualTo(AlertNotice.Kind.OPENED);

                // AND stopped as ECS stops a task (SIGTERM), it shuts down in order
                assertThat(ImageRunner.stop(collector.process())).as("stopped within 60 s").isTrue();
                assertThat(collector.printed()).contains("Collector stopped");
            } catch (IllegalStateException notConnected) {
                throw new AssertionError(notConnected.getMessage() + "; the collector printed:\n" + collector.printed(), notConnected);
            } finally {
                ImageRunner.stop(collector.process());
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    private static SqsStandIn.Message awaitMessage(SqsStandIn sqs, ImageRunner.Started collector) throws Exception {
        long deadline = System.nanoTime() + END.toNanos();
        while (sqs.messages("serverpulse-alerts.fifo").isEmpty()) {
            if (System.nanoTime() > deadline || !collector.process().isAlive()) {
                throw new AssertionError("no alert notice reached the queue; the collector printed:\n" + collector.printed());
            }
            Thread.sleep(100);
        }
        return sqs.messages("serverpulse-alerts.fifo").get(0);
    }

    private static ImageRunner runner(String name) throws IOException, InterruptedException {
        StringBuilder why = new StringBuilder();
        Path logs = Files.createDirectories(work.resolve("logs-" + name));
        ImageRunner runner = ImageRunner.on(root, logs, image.config().path("config").path("WorkingDir").asText("/"),
                image.config().path("config").path("User").asText(), why).orElse(null);
        if (runner == null) {
            System.out.println("SKIPPED: the image's Java was not run: this host allows neither unshare nor the image's loader (" + why + ")");
            Assumptions.abort("the image cannot be run on this host");
        }
        System.out.println("running the image's files " + (runner.mode() == ImageRunner.Mode.CONTAINER
                ? "in namespaces of their own (unshare), as user " + image.config().path("config").path("User").asText()
                : "with the image's dynamic loader and C libraries (" + (why.length() == 0 ? "as -Dserverpulse.image.runner asks"
                        : "this host runs no unshare: " + why) + ")"));
        return runner;
    }

    /** Waits until the collector's GET /health answers 200 (asked from here, over HTTP). */
    private static void awaitReady(int port, ImageRunner.Started collector) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + END.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline && collector.process().isAlive()) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the collector never became ready; last answer: " + last + "\nit printed:\n" + collector.printed());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
