package io.serverpulse.emulator;

import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.gateway.PlaybackSpeed;
import io.serverpulse.emulator.support.Awaits;
import io.serverpulse.emulator.support.JdaClients;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MainTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** What a run printed to stdout and stderr, and its exit code. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

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

            // THEN it shows the two settings a bot needs, as lines to paste into .env
            assertThat(banner).contains("\n  DISCORD_TOKEN=my.bot.token\n", "\n  DISCORD_API_BASE_URL=" + emulator.restBaseUrl() + "\n");
            // AND for other bots the gateway, application id and public key, without a bot library's internals
            assertThat(banner).contains(emulator.gatewayUrl(), Long.toUnsignedString(emulator.applicationId()), emulator.publicKey(),
                    "Demo Guild", "run /add-collect-channel for each");
            assertThat(banner).doesNotContain("RestConfig", "SessionController", "Compression", "JDA");
            // AND what its pace does to alerts
            assertThat(banner).contains("played at 3600x real time (", "expect mass-deletion and raid alerts a real guild would not get");
            assertThat(emulator.publicKey()).matches("[0-9a-f]{64}");
        }
        assertThat(options.grants()).isEqualTo(Intents.GUILD_MEMBERS | Intents.MESSAGE_CONTENT);
        assertThat(options.speed().factor()).isEqualTo(3600.0);
        assertThat(demo.timeline()).isNotEmpty();
    }

    @Test
    void theSmallScenarioStartsPrintsItsBannerAndPlaysToTheBot() throws Exception {
        // GIVEN the standalone emulator started with --scenario small and a fixed key
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String seedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        ExecutorService serving = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "standalone-serve");
            thread.setDaemon(true);
            return thread;
        });
        try (Main.Standalone standalone = Main.launch(Main.parse(new String[] {"--scenario", "small", "--speed", "max", "--key-seed",
                seedHex}), out);
             JdaClients clients = new JdaClients()) {
            DiscordEmulator emulator = standalone.emulator();
            Scenario small = standalone.scenario();

            // THEN the banner has the URLs, token, application id, public key and the channels to collect
            String banner = bytes.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains(emulator.restBaseUrl(), emulator.gatewayUrl(), emulator.token(),
                    Long.toUnsignedString(emulator.applicationId()),
                    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                    "Scenario small: 600 events, played as fast as the bot reads");
            assertThat(small.collectedChannelIds()).hasSize(3);
            small.collectedChannelIds().forEach(id -> assertThat(banner).contains("(" + Long.toUnsignedString(id) + ")"));

            // WHEN it serves and a bot connects
            Future<?> served = serving.submit(() -> {
                standalone.serve(out);
                return null;
            });
            clients.connect(JdaClients.builder(emulator, JdaClients.ANALYTICS));

            // THEN it plays the whole timeline to the bot
            Awaits.until(() -> bytes.toString(StandardCharsets.UTF_8), s -> s.contains("timeline played"), WAIT, "the playback");
            served.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("bot connected", "playing 600 events", "timeline played (600 events)");
        } finally {
            serving.shutdownNow();
        }
    }

    @Test
    void everyGeneratedScenarioIsThere() {
        // GIVEN / WHEN the generated scenarios are asked for with settings
        Scenario multi = Main.find("multi-guild", ScenarioSettings.DEFAULTS.withGuilds(3).withEvents(900)).orElseThrow();
        Scenario week = Main.find("week", ScenarioSettings.DEFAULTS.withEvents(2_000).withSeed(3)).orElseThrow();
        Scenario small = Main.find("small", ScenarioSettings.DEFAULTS.withEvents(700)).orElseThrow();

        // THEN they have the guilds and events asked for, and channels to collect in every guild
        assertThat(multi.communities()).hasSize(3);
        assertThat(multi.timeline()).hasSize(900);
        multi.communities().forEach(guild -> assertThat(multi.collectedChannelIds(guild)).isNotEmpty());
        assertThat(week.communities()).hasSize(1);
        assertThat(week.timeline()).hasSize(2_000);
        assertThat(small.timeline()).hasSize(700);
        // AND the same settings give the same scenario
        assertThat(Main.find("week", ScenarioSettings.DEFAULTS.withEvents(2_000).withSeed(3)).orElseThrow()).isEqualTo(week);
    }

    @Test
    void badArgumentsAreExplained() throws Exception {
        assertThatThrownBy(() -> Main.parse(new String[] {"--speed", "fast"})).hasMessageContaining("--speed");
        assertThatThrownBy(() -> Main.parse(new String[] {"--grant", "EVERYTHING"})).hasMessageContaining("MEMBERS, CONTENT, PRESENCES");
        assertThatThrownBy(() -> Main.parse(new String[] {"--scenario"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--events", "many"})).hasMessageContaining("--events takes a whole number");
        assertThatThrownBy(() -> Main.parse(new String[] {"--key-seed", "abc"})).hasMessageContaining("64 hex characters");
        assertThat(Main.find("no-such-scenario")).isEmpty();

        // a bad scenario is one clear line on stderr and exit code 2, never a stack trace
        Run unknown = run("--scenario", "no-such-scenario");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: unknown scenario 'no-such-scenario' (available: demo, small, week, multi-guild,");
        Run missingFile = run("--scenario", "file:/no/such/timeline.jsonl");
        assertThat(missingFile.code()).isEqualTo(2);
        assertThat(missingFile.err().strip()).isEqualTo("error: no timeline file /no/such/timeline.jsonl");
        Run tooFew = run("--scenario", "week", "--events", "10");
        assertThat(tooFew.code()).isEqualTo(2);
        assertThat(tooFew.err()).startsWith("error: ").contains("events").doesNotContain("Exception");
        Run notForDemo = run("--scenario", "demo", "--events", "10");
        assertThat(notForDemo.err().strip()).isEqualTo("error: scenario 'demo' takes no --events");
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--scenario NAME", "small, week, multi-guild, file:<path.jsonl>", "--events N", "--key-seed HEX",
                "--setup-bot", "--interactions-url URL", "default 1: real time");
        Run urlAlone = run("--interactions-url", "http://127.0.0.1:8080/");
        assertThat(urlAlone.code()).isEqualTo(2);
        assertThat(urlAlone.err()).startsWith("error: --interactions-url is where --setup-bot sends its commands");
        assertThat(Main.parse(new String[0]).speed()).isEqualTo(PlaybackSpeed.REAL_TIME);
    }
}
