package io.serverpulse.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerPulseConfigTest {

    private static final String PUBLIC_KEY = "a".repeat(64);

    @Test
    void defaultsRunTheSelfHostedBotOnSqlite() {
        // GIVEN no settings at all
        EnvSource env = EnvSource.of(Map.of());

        // WHEN the configuration is loaded
        ServerPulseConfig config = ServerPulseConfig.load(env);

        // THEN it is the self-hosted mode with the embedded store under ./data and the seed's retention
        assertThat(config.mode()).isEqualTo(DeploymentMode.SELF_HOSTED);
        assertThat(config.mongoUri()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.flushSeconds()).isEqualTo(5);
        assertThat(config.defaultRetention().metricsDays()).isEqualTo(90);
        assertThat(config.defaultRetention().leaderboardDays()).isEqualTo(30);
        assertThat(config.defaultRetention().summaryDays()).isEqualTo(180);
        assertThat(config.shards()).isEmpty();
        assertThat(config.messageContentIntent()).isFalse();
        assertThat(config.discordApiBaseUrl()).isEqualTo("https://discord.com/api/v10/");
    }

    @Test
    void aMissingRequiredValueIsOneLineNamingTheVariable() {
        // GIVEN no token
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of()));

        // WHEN a deployable that needs it asks for it
        // THEN the error is one line that names the variable and where to set it
        assertThatThrownBy(config::requireDiscordToken)
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Missing required setting DISCORD_TOKEN:")
                .hasMessageContaining(".env.example")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo("DISCORD_TOKEN"));
        assertThatThrownBy(config::requireDiscordPublicKey).hasMessageContaining("DISCORD_PUBLIC_KEY");
        assertThatThrownBy(config::requireMasterKey).hasMessageContaining("SERVERPULSE_MASTER_KEY");
        assertThatThrownBy(config::requireMongoUri).hasMessageContaining("MONGODB_URI");
        assertThatThrownBy(config::requireAlertQueueUrl).hasMessageStartingWith("Missing required setting ALERT_QUEUE_URL:")
                .hasMessageNotContaining("ALERT_FUNCTION_NAME");
    }

    @Test
    void anUpgradeThatStillSetsTheAlertFunctionIsToldAboutTheQueue() {
        // GIVEN the variable of earlier versions, and no queue
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of("ALERT_FUNCTION_NAME", "serverpulse-alert")));

        // WHEN the AWS collector asks for the queue / THEN the one line names both
        assertThatThrownBy(config::requireAlertQueueUrl)
                .hasMessageStartingWith("Missing required setting ALERT_QUEUE_URL:")
                .hasMessageContaining("ALERT_FUNCTION_NAME is no longer read")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void malformedValuesAreRejectedWithTheVariableAndTheExpectedForm() {
        // GIVEN / WHEN / THEN each malformed value names itself and the expected form
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("FLUSH_SECONDS", "soon"))))
                .hasMessage("Invalid FLUSH_SECONDS=soon: expected a whole number from 1 to 3600");
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("DISCORD_PUBLIC_KEY", "xyz"))))
                .hasMessageStartingWith("Invalid DISCORD_PUBLIC_KEY");
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("MONGODB_URI", "localhost:27017"))))
                .hasMessageStartingWith("Invalid MONGODB_URI");
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("SERVERPULSE_MASTER_KEY", "c2hvcnQ="))))
                .hasMessageStartingWith("Invalid SERVERPULSE_MASTER_KEY");
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("SERVERPULSE_MODE", "cloud"))))
                .hasMessage("Invalid SERVERPULSE_MODE=cloud: expected self-hosted or aws");
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("SHARD_ID", "0-4", "SHARD_TOTAL", "4"))))
                .hasMessageStartingWith("Invalid SHARD_ID=0-4");
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("SHARD_ID", "1"))))
                .hasMessageStartingWith("Missing SHARD_TOTAL");
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("ENABLE_MESSAGE_CONTENT_INTENT", "maybe"))))
                .hasMessage("Invalid ENABLE_MESSAGE_CONTENT_INTENT=maybe: expected true or false");
        // a standard queue (no ordering per guild) or a queue name instead of its URL
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("ALERT_QUEUE_URL",
                "https://sqs.eu-west-1.amazonaws.com/123456789012/serverpulse-alerts"))))
                .hasMessageStartingWith("Invalid ALERT_QUEUE_URL=https://sqs.eu-west-1.amazonaws.com/123456789012/serverpulse-alerts:"
                        + " expected the alert FIFO queue's URL");
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("ALERT_QUEUE_URL", "serverpulse-alerts.fifo"))))
                .hasMessageStartingWith("Invalid ALERT_QUEUE_URL=serverpulse-alerts.fifo:");
    }

    @Test
    void everyDocumentedValueIsRead() {
        // GIVEN a full AWS-mode environment
        String masterKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        EnvSource env = EnvSource.of(Map.ofEntries(
                Map.entry("DISCORD_TOKEN", "token-value"),
                Map.entry("DISCORD_PUBLIC_KEY", PUBLIC_KEY.toUpperCase()),
                Map.entry("DISCORD_APPLICATION_ID", "123456789012345678"),
                Map.entry("MONGODB_URI", "mongodb+srv://user:secret@cluster0.example.net/serverpulse"),
                Map.entry("SERVERPULSE_DATA_DIR", "/var/lib/serverpulse"),
                Map.entry("SERVERPULSE_MASTER_KEY", masterKey),
                Map.entry("SERVERPULSE_MODE", "aws"),
                Map.entry("FLUSH_SECONDS", "10"),
                Map.entry("RETENTION_METRICS_DAYS", "30"),
                Map.entry("SHARD_ID", "2-3"),
                Map.entry("SHARD_TOTAL", "4"),
                Map.entry("ALERT_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/serverpulse-alerts.fifo"),
                Map.entry("DISCORD_API_BASE_URL", "http://127.0.0.1:8080/api/v10")));

        // WHEN loaded
        ServerPulseConfig config = ServerPulseConfig.load(env);

        // THEN every value is typed and available
        assertThat(config.requireDiscordToken()).isEqualTo("token-value");
        assertThat(config.requireDiscordPublicKey()).isEqualTo(PUBLIC_KEY);
        assertThat(config.requireApplicationId()).isEqualTo("123456789012345678");
        assertThat(config.mode()).isEqualTo(DeploymentMode.AWS);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/serverpulse"));
        assertThat(config.requireMasterKey()).hasSize(32);
        assertThat(config.flushSeconds()).isEqualTo(10);
        assertThat(config.defaultRetention().metricsDays()).isEqualTo(30);
        assertThat(config.shards()).hasValueSatisfying(s -> {
            assertThat(s.ids()).containsExactly(2, 3);
            assertThat(s.total()).isEqualTo(4);
        });
        assertThat(config.requireAlertQueueUrl()).isEqualTo("https://sqs.eu-west-1.amazonaws.com/123456789012/serverpulse-alerts.fifo");
        assertThat(config.discordApiBaseUrl()).isEqualTo("http://127.0.0.1:8080/api/v10/");
        // AND secrets never appear in its string form
        assertThat(config.toString()).doesNotContain("token-value", "secret", masterKey);
    }

    @Test
    void dotenvFileIsHonouredAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
        // GIVEN a .env file in the working directory
        Files.writeString(dir.resolve(".env"), "# comment\nFLUSH_SECONDS=7\nSERVERPULSE_DATA_DIR=/srv/pulse\nEMPTY=\n");

        // WHEN the settings are read from it
        EnvSource env = EnvSource.fromEnvironment(dir);

        // THEN its values are used (unless the process environment sets the same variable)
        if (System.getenv("FLUSH_SECONDS") == null) {
            assertThat(ServerPulseConfig.load(env).flushSeconds()).isEqualTo(7);
        }
        if (System.getenv("SERVERPULSE_DATA_DIR") == null) {
            assertThat(env.get("SERVERPULSE_DATA_DIR")).contains("/srv/pulse");
        }
        assertThat(env.get("EMPTY")).isEmpty();
        String path = System.getenv("PATH");
        if (path != null && !path.isBlank()) {
            assertThat(env.get("PATH")).contains(path.trim());
        }
    }

    @Test
    void aMissingDotenvFileIsFine(@TempDir Path dir) {
        // GIVEN a directory without .env / WHEN read / THEN only the environment counts
        assertThat(EnvSource.readDotenv(dir)).isEmpty();
    }

    @Test
    void aPreviousMasterKeyIsOnlyAcceptedBesideADifferentCurrentOne() {
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String other = java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

        // GIVEN / WHEN / THEN a previous key alone, the same key twice, or a malformed previous key each fail naming the variable
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("SERVERPULSE_MASTER_KEY_PREVIOUS", key))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("Invalid SERVERPULSE_MASTER_KEY_PREVIOUS")
                .hasMessageContaining("together with SERVERPULSE_MASTER_KEY");
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("SERVERPULSE_MASTER_KEY", key,
                "SERVERPULSE_MASTER_KEY_PREVIOUS", key)))).hasMessageContaining("same key");
        assertThatThrownBy(() -> ServerPulseConfig.load(EnvSource.of(Map.of("SERVERPULSE_MASTER_KEY", key,
                "SERVERPULSE_MASTER_KEY_PREVIOUS", "c2hvcnQ=")))).hasMessageStartingWith("Invalid SERVERPULSE_MASTER_KEY_PREVIOUS");
        // ... and both together are the rotation, kept out of toString
        ServerPulseConfig rotating = ServerPulseConfig.load(EnvSource.of(Map.of("SERVERPULSE_MASTER_KEY", key,
                "SERVERPULSE_MASTER_KEY_PREVIOUS", other)));
        assertThat(rotating.previousMasterKey()).contains("0123456789abcdef0123456789abcdef".getBytes());
        assertThat(rotating.toString()).contains("previousMasterKey=set").doesNotContain(other);
    }
}
