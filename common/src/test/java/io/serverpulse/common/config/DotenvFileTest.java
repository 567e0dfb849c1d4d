package io.serverpulse.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code .env} a self-hoster writes: the common dialect is read, anything else is one line naming file:line, never the value. */
class DotenvFileTest {

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theCommonDialectIsRead() throws Exception {
        // GIVEN a .env with export, both quotes, comments, blank lines, an empty value, CRLF line ends and spaces around =
        Path file = write("""
                # ServerPulse settings
                export DISCORD_TOKEN=MTIz.abc.def-_x
                
                   # an indented comment
                MONGODB_URI="mongodb://user:p#ss@host/db?a=1"   # trailing comment
                SERVERPULSE_DATA_DIR='/srv/pulse data'
                FLUSH_SECONDS = 7 # seconds
                QUOTED_ESCAPES="say \\"hi\\"\\\\n"
                SINGLE_LITERAL='a\\nb'
                ENABLE_MESSAGE_CONTENT_INTENT=
                HASH_IN_VALUE=abc#def\r
                export   SHARD_TOTAL=2\r
                """);

        // WHEN read
        var values = DotenvFile.read(file);

        // THEN every assignment has its value, quotes and comments removed
        assertThat(values).containsEntry("DISCORD_TOKEN", "MTIz.abc.def-_x")
                .containsEntry("MONGODB_URI", "mongodb://user:p#ss@host/db?a=1")
                .containsEntry("SERVERPULSE_DATA_DIR", "/srv/pulse data")
                .containsEntry("FLUSH_SECONDS", "7")
                .containsEntry("QUOTED_ESCAPES", "say \"hi\"\\n")
                .containsEntry("SINGLE_LITERAL", "a\\nb")
                .containsEntry("ENABLE_MESSAGE_CONTENT_INTENT", "")
                .containsEntry("HASH_IN_VALUE", "abc#def")
                .containsEntry("SHARD_TOTAL", "2")
                .hasSize(9);
    }

    @Test
    void throughEnvSourceAnExportedTokenIsTheToken() throws Exception {
        // GIVEN export DISCORD_TOKEN=… (as many guides write it)
        write("export DISCORD_TOKEN=MTIz.abc.def\n");

        // WHEN the settings are read / THEN the token is set
        assertThat(EnvSource.readDotenv(dir)).containsEntry("DISCORD_TOKEN", "MTIz.abc.def");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "FOO BAR                                  | 2 | not a KEY=value line",
        "DISCORD_TOKEN=\"MTIz.unterminated        | 2 | DISCORD_TOKEN's value opens a \" quote that is not closed on the same line",
        "DISCORD_TOKEN='MTIz.unterminated         | 2 | DISCORD_TOKEN's value opens a ' quote that is not closed on the same line",
        "DISCORD_TOKEN=\"MTIz.secret\" tail       | 2 | DISCORD_TOKEN's quoted value is followed by more text",
        "MTIzsecretpasted                         | 2 | a name without =value",
        "=MTIz.secret                             | 2 | not a KEY=value line",
        "9LIVES=MTIz.secret                       | 2 | not a KEY=value line",
    })
    void anythingElseIsOneLineNamingTheFileAndLineButNotTheValue(String line, int number, String problem) throws Exception {
        // GIVEN a .env whose second line is not in the dialect
        Path file = write("FLUSH_SECONDS=5\n" + line.strip() + "\nSHARD_TOTAL=1\n");

        // WHEN read / THEN one line: file:line, what is wrong, what is expected; the value is not echoed
        assertThatThrownBy(() -> DotenvFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":" + number + ": " + problem)
                .hasMessageEndingWith("expected KEY=value (see .env.example)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "MTIz", "BAR", "tail"));
    }

    @Test
    void anUnterminatedTokenIsAnErrorNotNoToken() throws Exception {
        // GIVEN DISCORD_TOKEN="… without its closing quote (which once read as "no token" and ran the demo)
        write("DISCORD_TOKEN=\"MTIz.abc.def\n");

        // WHEN the environment is read / THEN it stops with the file and line
        assertThatThrownBy(() -> EnvSource.fromEnvironment(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve(".env") + ":1: DISCORD_TOKEN's value opens a \" quote");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstName() throws Exception {
        // GIVEN a file saved by an editor that writes a UTF-8 BOM
        Path file = write("\uFEFFDISCORD_TOKEN=MTIz.abc.def\n");

        // WHEN / THEN the first name is read without it
        assertThat(DotenvFile.read(file)).containsEntry("DISCORD_TOKEN", "MTIz.abc.def");
    }
}
