package io.serverpulse.emulator;

import io.serverpulse.emulator.gateway.Intents;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MainTest {

    @Test
    void theBannerTellsABotEverythingItNeedsToConnect() {
        // GIVEN the demo scenario, found through the service loader
        Scenario demo = Main.find("demo").orElseThrow();
        Main.Options options = Main.parse(new String[] {"--token", "my.bot.token", "--grant", "MEMBERS,CONTENT", "--speed", "3600"});

        // WHEN the emulator starts with it and prints its banner
        try (DiscordEmulator emulator = DiscordEmulator.builder(demo.communities()).token(options.token())
                .grantPrivilegedIntents(options.grants()).start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Main.printBanner(new PrintStream(out, true, StandardCharsets.UTF_8), emulator, demo, options);
            String banner = out.toString(StandardCharsets.UTF_8);

            // THEN it shows the URLs, token, application id and public key
            assertThat(banner).contains(emulator.restBaseUrl(), emulator.gatewayUrl(), "my.bot.token",
                    Long.toUnsignedString(emulator.applicationId()), emulator.publicKey(), "Demo Guild");
            assertThat(emulator.publicKey()).matches("[0-9a-f]{64}");
        }
        assertThat(options.grants()).isEqualTo(Intents.GUILD_MEMBERS | Intents.MESSAGE_CONTENT);
        assertThat(options.speed().factor()).isEqualTo(3600.0);
        assertThat(demo.timeline()).isNotEmpty();
    }

    @Test
    void badArgumentsAreExplained() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--speed", "fast"})).hasMessageContaining("--speed");
        assertThatThrownBy(() -> Main.parse(new String[] {"--grant", "EVERYTHING"})).hasMessageContaining("MEMBERS, CONTENT, PRESENCES");
        assertThatThrownBy(() -> Main.parse(new String[] {"--scenario"})).hasMessageContaining("needs a value");
        assertThat(Main.find("no-such-scenario")).isEmpty();
    }
}
