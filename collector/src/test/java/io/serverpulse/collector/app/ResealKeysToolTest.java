package io.serverpulse.collector.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.SecretParameters;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar serverpulse.jar reseal-keys}: the one-off re-sealing of stored AI keys after a master key rotation. */
class ResealKeysToolTest {

    private static final long GUILD = 1176201535215009852L;
    private static final byte[] OLD = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final Supplier<SecretParameters.Store> NO_SSM = () -> {
        throw new AssertionError("no SSM parameter is named");
    };

    @TempDir
    Path dataDir;

    @Test
    void theToolReSealsEveryStoredKeyWithTheNewMasterKey() {
        // GIVEN a key sealed with the old master key in the SQLite store of the data directory
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            store.saveSettings(GuildSettings.defaults(GUILD).withAi(AiProvider.GROQ, null,
                    new SecretSealer(OLD).seal(GUILD, "gsk-groq-0000000000"), Instant.EPOCH));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // WHEN the tool runs with the new key and the previous one
        int status = Main.resealKeys(EnvSource.of(Map.of(ServerPulseConfig.DATA_DIR, dataDir.toString(),
                        ServerPulseConfig.MASTER_KEY, Base64.getEncoder().encodeToString(NEW),
                        ServerPulseConfig.MASTER_KEY_PREVIOUS, Base64.getEncoder().encodeToString(OLD))),
                NO_SSM, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        // THEN it says what it did and exits 0; the key opens with the new master key alone
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("Re-sealed 1 AI keys of 1 guilds with master key " + SecretSealer.keyId(NEW)
                        + "; 0 did not open with the configured keys." + System.lineSeparator());
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            assertThat(new SecretSealer(NEW).open(GUILD, store.settings(GUILD).aiKeyCiphertext())).isEqualTo("gsk-groq-0000000000");
        }
    }

    @Test
    void aPreviousKeyWithoutTheNewOneIsAConfigurationError() {
        // GIVEN / WHEN the tool runs with only the previous key
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.resealKeys(EnvSource.of(Map.of(ServerPulseConfig.DATA_DIR, dataDir.toString(),
                        ServerPulseConfig.MASTER_KEY_PREVIOUS, Base64.getEncoder().encodeToString(OLD))),
                NO_SSM, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        // THEN it exits 2 with one line naming the variable
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Invalid SERVERPULSE_MASTER_KEY_PREVIOUS");
    }
}
