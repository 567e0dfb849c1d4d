package io.serverpulse.collector.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.aws.secrets.SsmSecretStore;
import io.serverpulse.collector.support.AwsClients;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.testing.aws.SsmStandIn;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;

/** What a self-hoster sees when the configuration is wrong: one line, exit status 2, nothing opened. */
class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int start(Map<String, String> values) {
        Map<String, String> env = new HashMap<>(values);
        env.putIfAbsent("SERVERPULSE_DATA_DIR", dir.resolve("data").toString());
        return Main.start(EnvSource.of(env), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** As the AWS collector starts: secrets named by *_SSM_PARAMETER are read from SSM (here a local stand-in). */
    private int startWithSsm(SsmStandIn ssm, Map<String, String> values) {
        Map<String, String> env = new HashMap<>(values);
        env.put("SERVERPULSE_DATA_DIR", dir.resolve("data").toString());
        try (SsmClient client = AwsClients.ssm(ssm)) {
            return Main.start(EnvSource.of(env), () -> new SsmSecretStore(client), new PrintStream(err, true, StandardCharsets.UTF_8),
                    status -> { });
        }
    }

    private String errorLine() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATokenTheCollectorSaysWhatIsMissing() {
        // GIVEN / WHEN no DISCORD_TOKEN (the collector has no demo: that is the serverpulse.jar of module demo)
        int status = start(Map.of());

        // THEN one line naming the variable, status 2, no database created
        assertThat(status).isEqualTo(2);
        assertThat(errorLine()).startsWith("Missing required setting DISCORD_TOKEN: ").hasLineCount(1);
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void aDataDirectoryThatCannotBeUsedIsOneLineNamingItAndStatus2() throws Exception {
        // GIVEN SERVERPULSE_DATA_DIR below a regular file
        Files.writeString(dir.resolve("a-file"), "x");

        // WHEN the bot starts
        int status = start(Map.of("DISCORD_TOKEN", "token", "SERVERPULSE_DATA_DIR", dir.resolve("a-file/data").toString()));

        // THEN one line naming the variable, status 2
        assertThat(status).isEqualTo(2);
        assertThat(errorLine()).startsWith("Invalid SERVERPULSE_DATA_DIR: cannot use " + dir.resolve("a-file/data")).hasLineCount(1);
    }

    @Test
    void aShardIdWithoutTheTotalIsOneLineAndStatus2() {
        // GIVEN / WHEN SHARD_ID set without SHARD_TOTAL
        int status = start(Map.of("DISCORD_TOKEN", "token", "SHARD_ID", "1"));

        // THEN one line naming the variable, status 2, no database created
        assertThat(status).isEqualTo(2);
        assertThat(errorLine()).isEqualTo("Missing SHARD_TOTAL: set it together with SHARD_ID" + System.lineSeparator());
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void malformedValuesAreOneLineAndStatus2() {
        // GIVEN / WHEN / THEN each malformed setting is named on one line, with what is expected
        assertThat(start(Map.of("FLUSH_SECONDS", "0"))).isEqualTo(2);
        assertThat(errorLine()).startsWith("Invalid FLUSH_SECONDS=0: expected a whole number from 1 to 3600").hasLineCount(1);
        err.reset();
        assertThat(start(Map.of("DISCORD_TOKEN", "token", "MONGODB_URI", "localhost:27017"))).isEqualTo(2);
        assertThat(errorLine()).startsWith("Invalid MONGODB_URI").hasLineCount(1);
    }

    @Test
    void theAwsModeNeedsItsQueueAndMongoDbBeforeAnythingStarts() {
        // GIVEN the AWS mode without ALERT_QUEUE_URL, then without MONGODB_URI
        assertThat(start(Map.of("DISCORD_TOKEN", "token", "SERVERPULSE_MODE", "aws", "MONGODB_URI", "mongodb://127.0.0.1:1")))
                .isEqualTo(2);
        assertThat(errorLine()).startsWith("Missing required setting ALERT_QUEUE_URL").hasLineCount(1);
        err.reset();
        assertThat(start(Map.of("DISCORD_TOKEN", "token", "SERVERPULSE_MODE", "aws",
                "ALERT_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/serverpulse-alerts.fifo"))).isEqualTo(2);
        assertThat(errorLine()).startsWith("Missing required setting MONGODB_URI").hasLineCount(1);
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void aTokenDiscordRefusesIsOneLineAndStatus1() {
        // GIVEN a Discord (the emulator) that does not know the token
        try (DiscordEmulator discord = TestBots.emulator(Scenarios.small(1))) {
            // WHEN the bot starts with a wrong token
            int status = start(Map.of("DISCORD_TOKEN", "not-the-token", "DISCORD_API_BASE_URL", discord.restBaseUrl()));

            // THEN one line says what to do, status 1, and the token is not echoed
            assertThat(status).isEqualTo(1);
            assertThat(errorLine()).startsWith("Discord refused DISCORD_TOKEN").hasLineCount(1).doesNotContain("not-the-token");
        }
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndStatus1() {
        // GIVEN a MongoDB URI nobody listens on (and a short server selection timeout)
        int status = start(Map.of("DISCORD_TOKEN", "token",
                "MONGODB_URI", "mongodb://127.0.0.1:1/serverpulse?serverSelectionTimeoutMS=300&connectTimeoutMS=300"));

        // THEN it says so on one line, without a stack trace, and exits with status 1
        assertThat(status).isEqualTo(1);
        assertThat(errorLine()).startsWith("Could not open the database: ").contains("127.0.0.1:1").hasLineCount(1)
                .doesNotContain("\tat ");
    }

    @Test
    void theTokenIsReadFromSsmWhenItsParameterIsNamed() {
        // GIVEN the bot token in SSM Parameter Store (one Discord does not know) and an emulated Discord
        try (SsmStandIn ssm = new SsmStandIn().putSecureString("/serverpulse/discord-token", "token-from-ssm");
             DiscordEmulator discord = TestBots.emulator(Scenarios.small(1))) {
            // WHEN the collector starts with only the parameter's name
            int status = startWithSsm(ssm, Map.of("DISCORD_TOKEN_SSM_PARAMETER", "/serverpulse/discord-token",
                    "DISCORD_API_BASE_URL", discord.restBaseUrl()));

            // THEN it asked SSM for the decrypted parameter and logged in with that token (not the demo): Discord refused it
            assertThat(ssm.requests("GetParameters")).singleElement()
                    .satisfies(r -> assertThat(r.json().path("WithDecryption").asBoolean()).isTrue());
            assertThat(status).isEqualTo(1);
            assertThat(errorLine()).startsWith("Discord refused DISCORD_TOKEN").hasLineCount(1).doesNotContain("token-from-ssm");
        }
    }

    @Test
    void aMissingSsmParameterIsOneLineAndStatus2BeforeAnythingOpens() {
        // GIVEN an empty Parameter Store
        try (SsmStandIn ssm = new SsmStandIn()) {
            // WHEN the collector starts naming a parameter that does not exist
            int status = startWithSsm(ssm, Map.of("DISCORD_TOKEN_SSM_PARAMETER", "/serverpulse/discord-token"));

            // THEN one line naming the variable, status 2, no database created and no demo
            assertThat(status).isEqualTo(2);
            assertThat(errorLine()).startsWith("The SSM parameter /serverpulse/discord-token named by DISCORD_TOKEN_SSM_PARAMETER"
                    + " does not exist").hasLineCount(1);
            assertThat(Files.exists(dir.resolve("data"))).isFalse();
        }
    }
    @Test
    void aHealthPortInUseIsOneLineAndStatus2BeforeAnythingOpens() throws Exception {
        // GIVEN COLLECTOR_HEALTH_PORT on a port another process listens on
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            // WHEN the bot starts
            int status = start(Map.of("DISCORD_TOKEN", "token", "COLLECTOR_HEALTH_PORT", String.valueOf(port)));

            // THEN one line naming the variable, status 2, no database created
            assertThat(status).isEqualTo(2);
            assertThat(errorLine()).isEqualTo("Invalid COLLECTOR_HEALTH_PORT=" + port + ": cannot listen on 127.0.0.1:" + port
                    + " (the port is in use)" + System.lineSeparator());
            assertThat(Files.exists(dir.resolve("data"))).isFalse();
        }
    }

    @Test
    void aMissingTokenIsNamedBeforeTheHealthPortIsTaken() throws Exception {
        // GIVEN COLLECTOR_HEALTH_PORT on a port in use, and no token
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            // WHEN / THEN the token is what is named (as in the image, whose port is set)
            assertThat(start(Map.of("COLLECTOR_HEALTH_PORT", String.valueOf(taken.getLocalPort())))).isEqualTo(2);
            assertThat(errorLine()).startsWith("Missing required setting DISCORD_TOKEN: ").hasLineCount(1);
        }
    }

    @Test
    void theSelfHostedModeNeedsJavaDesktopForItsCharts() {
        // GIVEN a Java runtime without java.desktop (the collector's image), in the self-hosted and in the AWS mode
        ServerPulseConfig selfHosted = ServerPulseConfig.load(EnvSource.of(Map.of("DISCORD_TOKEN", "token")));
        ServerPulseConfig aws = ServerPulseConfig.load(EnvSource.of(Map.of("DISCORD_TOKEN", "token", "SERVERPULSE_MODE", "aws")));

        // WHEN / THEN the self-hosted mode is refused in one line naming the variable; the AWS mode needs no charts
        assertThatThrownBy(() -> Main.requireChartsWhenSelfHosted(selfHosted, ModuleLayer.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid SERVERPULSE_MODE=self-hosted: this Java runtime has no java.desktop module")
                .hasMessageContaining("SERVERPULSE_MODE=aws")
                .hasMessageNotContaining("\n");
        assertThatCode(() -> Main.requireChartsWhenSelfHosted(aws, ModuleLayer.empty())).doesNotThrowAnyException();
        // AND a full JDK has it
        assertThatCode(() -> Main.requireChartsWhenSelfHosted(selfHosted, ModuleLayer.boot())).doesNotThrowAnyException();
    }
}
