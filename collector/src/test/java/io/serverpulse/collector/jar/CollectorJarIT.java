package io.serverpulse.collector.jar;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.testing.JarProcess;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.sim.Scenarios;
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
 * The packaged {@code target/serverpulse-collector.jar}, as an operator runs it (the AWS collector, or the bot without the
 * demo): it carries no test bed, and every start-up mistake is one line naming the variable or {@code .env}'s file:line,
 * exit status 2, never a stack trace.
 */
class CollectorJarIT {

    private static final Duration END = Duration.ofSeconds(90);

    @TempDir
    Path workdir;

    private JarProcess jar;

    @BeforeEach
    void jar() {
        jar = JarProcess.of("serverpulse.collector.jar", "target/serverpulse-collector.jar", workdir);
    }

    @Test
    void theCollectorJarCarriesNoTestBed() throws IOException {
        // GIVEN the packaged collector
        try (JarFile file = new JarFile(jar.jar().toFile())) {
            List<String> names = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();

            // THEN it starts the bot, and holds neither the emulator nor what only the emulator needs
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.serverpulse.collector.app.Main");
            assertThat(names).anyMatch(n -> n.startsWith("io/serverpulse/collector/"));
            assertThat(names).noneMatch(n -> n.startsWith("io/serverpulse/emulator/") || n.startsWith("io/serverpulse/demo/"));
            assertThat(names).noneMatch(n -> n.startsWith("com/networknt/") || n.startsWith("org/java_websocket/")
                    || n.startsWith("org/apache/james/mime4j/"));
            // AND the VADER lexicon with its licence, nothing else of that artifact, no test code
            assertThat(names).contains("vader_sentiment_lexicon.txt");
            assertThat(names).anyMatch(n -> n.startsWith("META-INF/") && n.toLowerCase().contains("vader"));
            assertThat(names).noneMatch(n -> n.startsWith("com/vader/") || n.startsWith("org/apache/commons/lang/"));
            assertThat(names).noneMatch(n -> n.startsWith("io/serverpulse/") && n.endsWith("Test.class"));
            assertThat(names).noneMatch(n -> n.startsWith("org/junit/") || n.startsWith("org/assertj/") || n.equals("logback-test.xml"));
        }
    }

    @Test
    void withoutATokenItSaysWhatIsMissing() throws Exception {
        // GIVEN / WHEN the collector runs without DISCORD_TOKEN, in the self-hosted and in the AWS mode
        JarProcess.Result selfHosted = jar.run(Map.of(), END);
        JarProcess.Result aws = jar.run(Map.of("SERVERPULSE_MODE", "aws"), END);

        // THEN one line naming the token, status 2, nothing created
        selfHosted.assertOneLine(2, "Missing required setting DISCORD_TOKEN");
        aws.assertOneLine(2, "Missing required setting DISCORD_TOKEN");
        assertThat(workdir.resolve("data")).doesNotExist();
    }

    @Test
    void dotenvInTheCommonDialectIsRead() throws Exception {
        // GIVEN a Discord (the emulator) and a .env written as many guides write one: export, quotes, comments
        try (DiscordEmulator discord = DiscordEmulator.builder(Scenarios.small(3).communities())
                .grantPrivilegedIntents(Intents.GUILD_MEMBERS).start()) {
            Files.writeString(workdir.resolve(".env"), """
                    # ServerPulse
                    export DISCORD_TOKEN="%s"   # from the Developer Portal

                    DISCORD_API_BASE_URL='%s'
                    SERVERPULSE_DATA_DIR=
                    """.formatted(discord.token(), discord.restBaseUrl()));

            // WHEN the collector starts
            Process bot = jar.start(Map.of());
            try {
                // THEN it logs in with that token
                try {
                    assertThat(discord.awaitSessions(1, Duration.ofSeconds(60))).hasSize(1);
                } catch (IllegalStateException notConnected) {
                    throw new AssertionError(notConnected.getMessage() + "; the collector printed:\n" + jar.outSoFar(), notConnected);
                }
            } finally {
                bot.destroy();
                bot.waitFor(60, TimeUnit.SECONDS);
                bot.destroyForcibly();
            }
        }
    }

    @Test
    void aDotenvLineOutsideTheDialectIsNamedByFileAndLine() throws Exception {
        // GIVEN a .env with a line that is not KEY=value, then one whose quote is never closed
        Files.writeString(workdir.resolve(".env"), "FLUSH_SECONDS=5\nFOO BAR\n");
        JarProcess.Result notAssignment = jar.run(Map.of(), END);
        Files.writeString(workdir.resolve(".env"), "DISCORD_TOKEN=\"MTIz.secret\n");
        JarProcess.Result unterminated = jar.run(Map.of(), END);

        // THEN one line each, naming the file and line, never the value; status 2
        notAssignment.assertOneLine(2, workdir.resolve(".env").toAbsolutePath() + ":2: not a KEY=value line");
        unterminated.assertOneLine(2, workdir.resolve(".env").toAbsolutePath() + ":1: DISCORD_TOKEN's value opens a \" quote");
        assertThat(unterminated.err()).doesNotContain("MTIz");
    }

    @Test
    void anUnusableDataDirectoryIsNamed() throws Exception {
        // GIVEN SERVERPULSE_DATA_DIR below a regular file (no user, not even root, can create it)
        Files.writeString(workdir.resolve("a-file"), "x");
        JarProcess.Result run = jar.run(Map.of("DISCORD_TOKEN", "MTIz.abc.def",
                "SERVERPULSE_DATA_DIR", workdir.resolve("a-file/data").toString()), END);

        // THEN one line naming the variable, status 2
        run.assertOneLine(2, "Invalid SERVERPULSE_DATA_DIR: cannot use " + workdir.resolve("a-file/data"));
    }

    @Test
    void anUnreachableApiBaseUrlIsNamed() throws Exception {
        // GIVEN DISCORD_API_BASE_URL at a port nothing listens on
        JarProcess.Result run = jar.run(Map.of("DISCORD_TOKEN", "MTIz.abc.def",
                "DISCORD_API_BASE_URL", "http://127.0.0.1:9/api/v10/"), END);

        // THEN one line naming the variable and why, status 2
        run.assertOneLine(2, "Could not reach DISCORD_API_BASE_URL=http://127.0.0.1:9/api/v10/ (connection refused)");
    }

    @Test
    void offlineWithATokenIsOneLineNotAStackTrace() throws Exception {
        // GIVEN a machine that cannot resolve discord.com (an empty hosts file for this JVM, so even an online build is offline)
        Path hosts = Files.writeString(workdir.resolve("hosts"), "");
        jar.jvm("-Djdk.net.hosts.file=" + hosts);

        // WHEN the bot starts with a token
        JarProcess.Result run = jar.run(Map.of("DISCORD_TOKEN", "MTIz.abc.def"), END);

        // THEN it says Discord could not be reached, in one line, status 1 (nothing in the settings is wrong)
        run.assertOneLine(1, "Could not reach Discord at https://discord.com/api/v10/ (its host name does not resolve)");
        assertThat(run.out() + run.err()).doesNotContain("MTIz");
    }
}
