package io.serverpulse.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SERVERPULSE_DATA_DIR is checked before a database opens in it: a directory this user cannot use is one line naming it. */
class DataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void aMissingDirectoryIsCreatedAndNothingIsLeftInIt() throws Exception {
        // GIVEN SERVERPULSE_DATA_DIR naming a directory that does not exist yet
        Path data = dir.resolve("new/data");
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of("SERVERPULSE_DATA_DIR", data.toString())));

        // WHEN it is required / THEN it exists, empty (the write check cleaned up after itself)
        assertThat(DataDirectory.require(config)).isEqualTo(data);
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsNamedInOneLine() throws Exception {
        // GIVEN SERVERPULSE_DATA_DIR below a regular file (no user, root included, can create it)
        Files.writeString(dir.resolve("a-file"), "x");
        Path data = dir.resolve("a-file/data");
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of("SERVERPULSE_DATA_DIR", data.toString())));

        // WHEN it is required / THEN one line names the variable, the directory and what to do
        assertThatThrownBy(() -> DataDirectory.require(config)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid SERVERPULSE_DATA_DIR: cannot use " + data + " for the database (")
                .hasMessageEndingWith("set SERVERPULSE_DATA_DIR to a directory this user can write")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo("SERVERPULSE_DATA_DIR"));
    }

    @Test
    void aRegularFileIsNotADirectory() throws Exception {
        // GIVEN SERVERPULSE_DATA_DIR naming a regular file
        Path file = Files.writeString(dir.resolve("data"), "x");

        // WHEN / THEN it is refused, naming the file
        assertThatThrownBy(() -> DataDirectory.require(file, ServerPulseConfig.DATA_DIR))
                .hasMessageContaining(file + " exists and is not a directory");
    }
}
