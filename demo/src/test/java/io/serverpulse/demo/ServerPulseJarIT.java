package io.serverpulse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.testing.JarProcess;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, on the packaged jar: {@code java -jar demo/target/serverpulse.jar} in a
 * fresh directory with no token runs the demo to its end; with a token it is the bot; a
 * configuration mistake is one line and exit status 2; and the jar carries what it needs and
 * nothing it should not.
 */
class ServerPulseJarIT {

    private static final Duration END = Duration.ofSeconds(90);

    @TempDir
    Path workdir;

    private JarProcess jar;

    @BeforeEach
    void jar() {
        jar = JarProcess.of("serverpulse.jar", "target/serverpulse.jar", workdir);
    }

    @Test
    void withoutATokenTheJarPlaysTheDemoWhoseNumbersAreTheGroundTruth() throws Exception {
        // GIVEN a fresh directory, no DISCORD_TOKEN, and a terminal that shows UTF-8 (the demo prints emoji, as Discord shows them)
        // WHEN the packaged bot is run as the README says
        long started = System.nanoTime();
        JarProcess.Result run = jar.run(Map.of("LC_ALL", "C.UTF-8"), Duration.ofSeconds(240));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // THEN the demo played the simulated server through the real bot and ended cleanly, in about a minute, logging nothing
        assertThat(run.status()).as(run.printed()).isZero();
        assertThat(run.err()).as(run.printed()).isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(150));
        assertThat(run.out()).contains("runs against its built-in Discord emulator", "🚨 Join raid", "✅ Voice surge — ended",
                "/topmessagers period:7d", "/sentiment summary period:7d");
        // AND every number it shows is the emulator's ground truth
        DemoTruth truth = new DemoTruth();
        assertThat(run.out()).contains(truth.progress());
        assertThat(run.out()).contains(truth.alertNumbers());
        assertThat(run.out()).containsSubsequence(truth.topMessagers());
        assertThat(run.out()).contains(truth.sentiment());
        // AND so is what it stored
        Path db = workdir.resolve("data/demo");
        assertThat(db.resolve("serverpulse.db")).isRegularFile();
        try (SqliteStore store = SqliteStore.open(db)) {
            truth.assertStored(store);
        }
    }

    @Test
    void withATokenTheJarIsTheBot() throws Exception {
        // GIVEN a Discord (the emulator) and its token
        try (DiscordEmulator discord = DiscordEmulator.builder(Scenarios.small(5).communities())
                .grantPrivilegedIntents(Intents.GUILD_MEMBERS).start()) {
            // WHEN the packaged jar runs with DISCORD_TOKEN
            Process bot = jar.start(Map.of("DISCORD_TOKEN", discord.token(), "DISCORD_API_BASE_URL", discord.restBaseUrl()));
            try {
                // THEN it logs in as the bot and registers its slash commands, and plays no demo
                try {
                    discord.awaitSessions(1, Duration.ofSeconds(60));
                } catch (IllegalStateException notConnected) {
                    throw new AssertionError(notConnected.getMessage() + "; the jar printed:\n" + jar.outSoFar(), notConnected);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (discord.recorded().commandRegistrations().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(discord.recorded().commandRegistrations()).isNotEmpty();
                assertThat(jar.outSoFar()).contains("ServerPulse collector started").doesNotContain("ServerPulse demo");
            } finally {
                bot.destroy();
                bot.waitFor(60, TimeUnit.SECONDS);
                bot.destroyForcibly();
            }
        }
    }

    @Test
    void aConfigurationMistakeIsOneLineAndStatusTwo() throws Exception {
        // GIVEN / WHEN a malformed FLUSH_SECONDS
        JarProcess.Result malformed = jar.run(Map.of("FLUSH_SECONDS", "often"), END);
        // the AWS mode, which has no demo, without a token
        JarProcess.Result aws = jar.run(Map.of("SERVERPULSE_MODE", "aws"), END);

        // THEN each stops at once with one line naming the variable
        malformed.assertOneLine(2, "Invalid FLUSH_SECONDS=often");
        aws.assertOneLine(2, "Missing required setting DISCORD_TOKEN");
    }

    @Test
    void aBrokenDotenvIsNamedNotPlayedAsTheDemo() throws Exception {
        // GIVEN a .env whose token's quote is never closed
        Files.writeString(workdir.resolve(".env"), "# mine\nDISCORD_TOKEN=\"MTIz.secret\n");

        // WHEN the jar runs / THEN one line naming the file and line, not "no token, so the demo"
        JarProcess.Result run = jar.run(Map.of(), END);
        run.assertOneLine(2, workdir.resolve(".env").toAbsolutePath() + ":2: DISCORD_TOKEN's value opens a \" quote");
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).doesNotContain("MTIz");
    }

    @Test
    void anUnusableDataDirectoryStopsTheDemoWithOneLine() throws Exception {
        // GIVEN SERVERPULSE_DATA_DIR below a regular file, and no token
        Files.writeString(workdir.resolve("a-file"), "x");

        // WHEN the demo would start / THEN one line naming the variable, status 2
        JarProcess.Result run = jar.run(Map.of("SERVERPULSE_DATA_DIR", workdir.resolve("a-file/data").toString()), END);
        run.assertOneLine(2, "Invalid SERVERPULSE_DATA_DIR: cannot use " + workdir.resolve("a-file/data"));
    }

    @Test
    void theJarHoldsTheBotTheDemoAndTheLexiconWithItsNoticeButNoneOfTheLexiconArtifactsCode() throws IOException {
        // GIVEN the packaged jar
        try (JarFile file = new JarFile(jar.jar().toFile())) {
            List<String> names = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();

            // THEN it starts the demo's Main (the bot with a token), and carries the collector and the emulator
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.serverpulse.demo.Main");
            assertThat(names).contains("io/serverpulse/collector/app/Main.class", "io/serverpulse/emulator/DiscordEmulator.class");
            // AND the VADER lexicon and its licence, nothing else of that artifact
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
