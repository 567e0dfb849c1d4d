package io.serverpulse.emulator;

import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.gateway.Playback;
import io.serverpulse.emulator.gateway.PlaybackSpeed;
import io.serverpulse.emulator.model.Community;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone emulator: {@code java -jar discord-emulator-…-standalone.jar [--scenario NAME]
 * [--speed FACTOR|max] [--token TOKEN] [--grant MEMBERS,CONTENT,PRESENCES]}. Prints the URLs,
 * token, application id and public key to point a bot at, waits for the bot to connect, plays
 * the scenario's timeline, and serves until stopped.
 */
public final class Main {

    private Main() {
    }

    /** Parsed command line. */
    record Options(String scenario, PlaybackSpeed speed, String token, int grants, boolean help) {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (options.help()) {
            usage(System.out);
            return;
        }
        Optional<Scenario> scenario = find(options.scenario());
        if (scenario.isEmpty()) {
            System.err.println("error: unknown scenario '" + options.scenario() + "'");
            usage(System.err);
            System.exit(2);
            return;
        }
        DiscordEmulator.Builder builder = DiscordEmulator.builder(scenario.get().communities())
                .grantPrivilegedIntents(options.grants());
        if (options.token() != null) {
            builder.token(options.token());
        }
        DiscordEmulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        printBanner(System.out, emulator, scenario.get(), options);
        if (!scenario.get().timeline().isEmpty()) {
            emulator.awaitSessions(1, Duration.ofDays(365));
            System.out.println("bot connected: playing " + scenario.get().timeline().size() + " events");
            Playback playback = emulator.play(scenario.get().timeline(), options.speed());
            while (!playback.awaitCompletion(Duration.ofSeconds(10))) {
                System.out.println("played " + playback.played() + "/" + playback.total());
            }
            playback.failure().ifPresentOrElse(
                    f -> System.out.println("playback stopped: " + f.getMessage()),
                    () -> System.out.println("timeline played; still serving (Ctrl-C to stop)"));
        }
        stopped.await();
    }

    static Options parse(String[] args) {
        String scenario = DemoScenario.NAME;
        PlaybackSpeed speed = PlaybackSpeed.AS_FAST_AS_POSSIBLE;
        String token = null;
        int grants = Intents.GUILD_MEMBERS;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--scenario" -> scenario = value(args, ++i, arg);
                case "--token" -> token = value(args, ++i, arg);
                case "--speed" -> speed = speed(value(args, ++i, arg));
                case "--grant" -> grants = grants(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Options(scenario, speed, token, grants, help);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static PlaybackSpeed speed(String text) {
        if (text.equalsIgnoreCase("max")) {
            return PlaybackSpeed.AS_FAST_AS_POSSIBLE;
        }
        try {
            return PlaybackSpeed.times(Double.parseDouble(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--speed takes a positive factor of real time, or max: " + text);
        }
    }

    private static int grants(String text) {
        int grants = 0;
        for (String part : text.split(",")) {
            switch (part.trim().toUpperCase(Locale.ROOT)) {
                case "" , "NONE" -> {
                }
                case "MEMBERS", "GUILD_MEMBERS" -> grants |= Intents.GUILD_MEMBERS;
                case "CONTENT", "MESSAGE_CONTENT" -> grants |= Intents.MESSAGE_CONTENT;
                case "PRESENCES", "GUILD_PRESENCES" -> grants |= Intents.GUILD_PRESENCES;
                default -> throw new IllegalArgumentException("--grant takes MEMBERS, CONTENT, PRESENCES: " + part);
            }
        }
        return grants;
    }

    static Optional<Scenario> find(String name) {
        for (ScenarioProvider provider : ServiceLoader.load(ScenarioProvider.class)) {
            Optional<Scenario> scenario = provider.scenario(name);
            if (scenario.isPresent()) {
                return scenario;
            }
        }
        return Optional.empty();
    }

    private static List<String> scenarioNames() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(ScenarioProvider.class).forEach(p -> names.addAll(p.names()));
        return names;
    }

    static void printBanner(PrintStream out, DiscordEmulator emulator, Scenario scenario, Options options) {
        out.println("ServerPulse Discord emulator (API v10)");
        out.println("  REST base URL:   " + emulator.restBaseUrl());
        out.println("  Gateway URL:     " + emulator.gatewayUrl());
        out.println("  Bot token:       " + emulator.token());
        out.println("  Application id:  " + Long.toUnsignedString(emulator.applicationId()));
        out.println("  Public key:      " + emulator.publicKey());
        out.println("  Scenario:        " + scenario.name() + " (" + scenario.timeline().size() + " events, speed "
                + (options.speed().unpaced() ? "max" : options.speed().factor() + "x") + ")");
        for (Community community : scenario.communities()) {
            out.println("  Guild:           " + Long.toUnsignedString(community.guildId()) + " " + community.name()
                    + " (" + community.channels().size() + " channels, " + community.members().size() + " members)");
        }
        out.println("Point the bot at these (JDA: RestConfig#setBaseUrl, a SessionController whose getGateway() returns the gateway URL, Compression.NONE).");
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar discord-emulator-<version>-standalone.jar [options]");
        out.println("  --scenario NAME   scenario to serve and play (available: " + String.join(", ", scenarioNames()) + "; default demo)");
        out.println("  --speed FACTOR    playback speed relative to simulated time, or max (default max)");
        out.println("  --token TOKEN     bot token to accept (default: a random one, printed)");
        out.println("  --grant LIST      privileged intents the app is granted: MEMBERS,CONTENT,PRESENCES or NONE (default MEMBERS)");
        out.println("  --help            this text");
    }
}
