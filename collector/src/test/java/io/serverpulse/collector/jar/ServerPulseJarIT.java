package io.serverpulse.collector.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, on the packaged jar: {@code java -jar collector/target/serverpulse.jar}
 * in a fresh directory with no token runs the demo to its end; a configuration mistake is one line
 * and exit status 2; and the jar carries what it needs and nothing it should not.
 */
class ServerPulseJarIT {

    private static final Path JAR = Paths.get(System.getProperty("serverpulse.jar", "target/serverpulse.jar")).toAbsolutePath();

    @TempDir
    Path workdir;

    private record Run(int status, String out, String err) {
    }

    private Run run(Map<String, String> env, long timeoutSeconds) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", JAR.toString())
                .directory(workdir.toFile())
                .redirectOutput(workdir.resolve("out.txt").toFile())
                .redirectError(workdir.resolve("err.txt").toFile());
        // a clean environment: no DISCORD_TOKEN or MONGODB_URI of whoever runs the build
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME") && !key.equals("TMPDIR"));
        environment.putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar serverpulse.jar did not end within " + timeoutSeconds + " s; output:\n"
                    + Files.readString(workdir.resolve("out.txt")));
        }
        return new Run(process.exitValue(), Files.readString(workdir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(workdir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void withoutATokenTheJarRunsTheDemoToItsEnd() throws Exception {
        // GIVEN a fresh directory and no DISCORD_TOKEN
        // WHEN the packaged bot is run as the README says
        Run run = run(Map.of(), 240);

        // THEN the demo played the simulated guild through the real gateway code and ended cleanly
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("runs against its built-in Discord emulator")
                .contains("A member asked /topmessagers period:7d; ServerPulse answered:")
                .contains("JOIN_RAID").contains("MASS_DELETION")
                .contains("0 unwritten, 0 dropped");
        assertThat(workdir.resolve("data/demo/serverpulse.db")).isRegularFile();
    }

    @Test
    void aConfigurationMistakeIsOneLineAndStatusTwo() throws Exception {
        // GIVEN a malformed FLUSH_SECONDS
        // WHEN the packaged bot is run
        Run run = run(Map.of("FLUSH_SECONDS", "often"), 60);

        // THEN it stops at once with one line naming the variable
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip().lines()).singleElement().asString().contains("FLUSH_SECONDS");
    }

    @Test
    void theJarHoldsTheLexiconWithItsNoticeButNoneOfTheLexiconArtifactsCode() throws IOException {
        // GIVEN the packaged jar
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();

            // THEN it starts the bot, carries the VADER lexicon and its licence, and nothing else of that artifact
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.serverpulse.collector.app.Main");
            assertThat(names).contains("vader_sentiment_lexicon.txt");
            assertThat(names).anyMatch(n -> n.startsWith("META-INF/") && n.toLowerCase().contains("vader"));
            assertThat(names).noneMatch(n -> n.startsWith("com/vader/") || n.startsWith("org/apache/commons/lang/"));
            // and no test code or test logging configuration
            assertThat(names).noneMatch(n -> n.startsWith("io/serverpulse/") && n.endsWith("Test.class"));
            assertThat(names).noneMatch(n -> n.startsWith("org/junit/") || n.startsWith("org/assertj/")
                    || n.equals("logback-test.xml"));
        }
    }
}
