package io.serverpulse.interactions.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.rest.RouteKeys;
import io.serverpulse.emulator.state.CommandRegistration;
import io.serverpulse.interactions.support.Registration;
import io.serverpulse.interactions.support.TestGuild;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code register-commands} against the emulator's REST API. */
class RegisterCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NAMES = List.of("setup", "set-update-channel", "add-collect-channel", "remove-collect-channel",
            "topmessagers", "leaderboard", "pulse", "askpulse", "toggle-alert", "alert-threshold", "set-digest", "set-retention",
            "ai-provider", "export-report", "privacy", "sentiment", "serverpulse");

    private DiscordEmulator discord;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        discord = DiscordEmulator.builder(List.of(TestGuild.community())).start();
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    /** The registration JSON as it reads after a trip through text (numbers as a parser types them). */
    private static String expectedBody() {
        try {
            return JSON.readTree(CommandRegistry.standard(Optional.empty(), false).registrationJson().toString()).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int run(ServerPulseConfig config, String... args) {
        return RegisterCommands.run(args, config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void globalRegistrationIsOneBulkOverwriteOfEveryCommand() {
        // GIVEN the bot's token and application id
        // WHEN the tool runs without options
        int status = run(Registration.configFor(discord));

        // THEN one PUT replaced the global commands with ServerPulse's, and the tool says which
        assertThat(status).isZero();
        List<CommandRegistration> registrations = discord.recorded().commandRegistrations();
        assertThat(registrations).hasSize(1);
        assertThat(registrations.get(0).method()).isEqualTo("PUT");
        assertThat(registrations.get(0).guildId()).isNull();
        assertThat(registrations.get(0).body().toString()).isEqualTo(expectedBody());
        assertThat(discord.state().listCommands(null)).extracting(command -> command.path("name").asText())
                .containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(out()).startsWith("Registered 17 commands for all guilds (global): /setup, ");
        assertThat(err()).isEmpty();
    }

    @Test
    void guildRegistrationGoesToThatGuildOnly() {
        // GIVEN / WHEN the tool runs for one guild
        int status = run(Registration.configFor(discord), "--guild", Long.toUnsignedString(TestGuild.GUILD));

        // THEN the guild has the commands and the global list is untouched
        assertThat(status).isZero();
        assertThat(discord.recorded().commandRegistrations().get(0).guildId()).isEqualTo(TestGuild.GUILD);
        assertThat(discord.state().listCommands(TestGuild.GUILD)).hasSize(NAMES.size());
        assertThat(discord.state().listCommands(null)).isEmpty();
        assertThat(out()).contains("for guild " + TestGuild.GUILD);
    }

    @Test
    void runningItAgainReplacesRatherThanDuplicates() {
        // GIVEN the commands registered once
        assertThat(run(Registration.configFor(discord))).isZero();

        // WHEN it runs again
        assertThat(run(Registration.configFor(discord))).isZero();

        // THEN there are still exactly ServerPulse's commands
        assertThat(discord.state().listCommands(null)).hasSize(NAMES.size());
    }

    @Test
    void aRateLimitIsWaitedOut() {
        // GIVEN Discord rate-limits the first attempt for 1 s
        discord.rateLimit(RouteKeys.OVERWRITE_GLOBAL_COMMANDS, Duration.ofSeconds(1), 1);

        // WHEN / THEN the tool still registers
        assertThat(run(Registration.configFor(discord))).isZero();
        assertThat(discord.state().listCommands(null)).hasSize(NAMES.size());
    }

    @Test
    void aWrongTokenIsExplainedInOneLine() {
        // GIVEN a token that is not the bot's
        ServerPulseConfig wrong = ServerPulseConfig.load(EnvSource.of(Map.of(
                ServerPulseConfig.DISCORD_TOKEN, "not-the-token",
                ServerPulseConfig.DISCORD_APPLICATION_ID, Long.toUnsignedString(discord.applicationId()),
                ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl())));

        // WHEN the tool runs
        int status = run(wrong);

        // THEN exit 1 and one line that names the status and what to check, and nothing registered
        assertThat(status).isEqualTo(1);
        assertThat(err().strip()).startsWith("Discord refused the registration with HTTP 401").contains("check DISCORD_TOKEN")
                .doesNotContain("\n").doesNotContain("not-the-token").doesNotContain("Exception");
        assertThat(discord.state().listCommands(null)).isEmpty();
    }

    @Test
    void missingSettingsAreNamed() {
        // GIVEN no token
        ServerPulseConfig none = ServerPulseConfig.load(EnvSource.of(Map.of(
                ServerPulseConfig.DISCORD_APPLICATION_ID, "1177777777777777777")));

        // WHEN / THEN exit 2, naming the variable
        assertThat(run(none)).isEqualTo(2);
        assertThat(err()).startsWith("Missing required setting DISCORD_TOKEN");
    }

    @Test
    void anUnreachableDiscordIsExplained() {
        // GIVEN Discord's API at an address nothing answers
        ServerPulseConfig nowhere = ServerPulseConfig.load(EnvSource.of(Map.of(
                ServerPulseConfig.DISCORD_TOKEN, "token",
                ServerPulseConfig.DISCORD_APPLICATION_ID, "1177777777777777777",
                ServerPulseConfig.DISCORD_API_BASE_URL, "http://127.0.0.1:9/api/v10/")));

        // WHEN / THEN exit 1 with a one-line reason
        assertThat(run(nowhere)).isEqualTo(1);
        assertThat(err().strip()).startsWith("Could not reach Discord at http://127.0.0.1:9/api/v10/").doesNotContain("\n");
    }

    @Test
    void dryRunPrintsTheBodyWithoutCallingDiscord() throws Exception {
        // GIVEN / WHEN
        int status = run(Registration.configFor(discord), "--dry-run");

        // THEN the JSON is printed and nothing was sent
        assertThat(status).isZero();
        JsonNode printed = JSON.readTree(out());
        assertThat(printed.toString()).isEqualTo(expectedBody());
        assertThat(discord.recorded().requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--guild", "--guild=1", "--guild abc", "--whatever", "--dry-run --guild 12"})
    void aWrongArgumentIsOneLineAndStatus2(String args) {
        // GIVEN / WHEN
        int status = run(Registration.configFor(discord), args.split(" "));

        // THEN exit 2 and one line saying what is wrong, nothing sent
        assertThat(status).isEqualTo(2);
        assertThat(err().strip()).doesNotContain("\n").endsWith("(see --help)")
                .satisfiesAnyOf(e -> assertThat(e).startsWith("Unknown argument: " + args.split(" ")[0]),
                        e -> assertThat(e).startsWith("--guild needs a guild id"));
        assertThat(out()).isEmpty();
        assertThat(discord.recorded().requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "--guild 123456789012345678 --help"})
    void helpPrintsTheUsageWithEveryOptionAndNeedsNoSettings(String args) {
        // GIVEN no settings at all (reading them would fail)
        // WHEN --help is asked for
        int status = RegisterCommands.run(args.split(" "), () -> {
            throw new AssertionError("--help must not read the settings");
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        // THEN the usage, documenting every option, on standard output, and exit 0
        assertThat(status).isZero();
        assertThat(out()).startsWith("Usage: register-commands").contains("--global", "--guild <guild id>", "--dry-run", "--help",
                "DISCORD_TOKEN", "DISCORD_APPLICATION_ID", "Exit status");
        assertThat(err()).isEmpty();
    }
}
