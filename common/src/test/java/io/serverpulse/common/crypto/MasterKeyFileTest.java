package io.serverpulse.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFileTest {

    private static final long GUILD = 1176201535215009852L;

    @TempDir
    Path dataDir;

    @Test
    void withoutAConfiguredKeyTheFirstStartGeneratesOneForTheOwnerOnlyAndSaysWhereItIs() throws Exception {
        // GIVEN a self-hosted configuration without SERVERPULSE_MASTER_KEY
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of(ServerPulseConfig.DATA_DIR, dataDir.toString())));
        try (LogCapture logs = new LogCapture()) {
            // WHEN the sealer is made twice (two starts)
            SecretSealer first = MasterKeys.selfHosted(config);
            String sealed = first.seal(GUILD, "sk-some-provider-key");
            SecretSealer second = MasterKeys.selfHosted(config);

            // THEN a 32-byte key was written once, readable by the owner only, and the second start uses the same key
            Path file = dataDir.resolve(MasterKeyFile.FILE_NAME);
            assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view != null) {
                assertThat(view.readAttributes().permissions())
                        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            }
            assertThat(second.open(GUILD, sealed)).isEqualTo("sk-some-provider-key");
            assertThat(second.currentKeyId()).isEqualTo(first.currentKeyId());
            // ... and one log line said where it is and that it must be backed up, without the key
            assertThat(logs.lines().stream().filter(line -> line.contains(MasterKeyFile.class.getName())).toList())
                    .singleElement().satisfies(line -> assertThat(line)
                    .contains(file.toAbsolutePath().toString()).contains("back it up")
                    .doesNotContain(Files.readString(file).strip()));
        }
    }

    @Test
    void aConfiguredKeyIsUsedAndNoFileIsWritten() {
        // GIVEN SERVERPULSE_MASTER_KEY
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of(ServerPulseConfig.DATA_DIR, dataDir.toString(),
                ServerPulseConfig.MASTER_KEY, Base64.getEncoder().encodeToString(key))));

        // WHEN / THEN the sealer uses it and nothing is generated
        assertThat(MasterKeys.selfHosted(config).currentKeyId()).isEqualTo(SecretSealer.keyId(key));
        assertThat(dataDir.resolve(MasterKeyFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void aDamagedKeyFileIsAClearStartUpError() throws Exception {
        // GIVEN a key file that holds no key
        Files.writeString(dataDir.resolve(MasterKeyFile.FILE_NAME), "not a key\n");
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of(ServerPulseConfig.DATA_DIR, dataDir.toString())));

        // WHEN / THEN starting fails with one line naming the file and line
        assertThatThrownBy(() -> MasterKeys.selfHosted(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(MasterKeyFile.FILE_NAME + ":1: not a master key");
    }
}
