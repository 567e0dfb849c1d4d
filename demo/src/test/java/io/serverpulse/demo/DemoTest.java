package io.serverpulse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a token the bot runs its demo against the built-in emulator (shortened here to a few seconds). */
class DemoTest {

    @TempDir
    Path dir;

    @Test
    void theDemoPlaysTheSimulatedGuildAndPrintsTheLeaderboardAndAlerts() {
        // GIVEN no DISCORD_TOKEN
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of("SERVERPULSE_DATA_DIR", dir.toString())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // WHEN the demo runs
        int status = Demo.run(config, new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ofSeconds(8));

        // THEN it ends normally, after printing the bot's answer to /topmessagers, the stored leaderboard and the alerts
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        assertThat(printed).contains("runs against its built-in Discord emulator")
                .contains("A member asked /topmessagers period:7d; ServerPulse answered:")
                .contains("Top messagers (stored counts, last 7 days):")
                .contains("  1. ")
                .contains("The owner asked /sentiment summary period:7d").contains("Positive").contains("Negative")
                .contains("JOIN_RAID").contains("MASS_DELETION")
                .contains("0 unwritten, 0 dropped");
        assertThat(Files.exists(dir.resolve("demo").resolve("serverpulse.db"))).isTrue();
    }
}
