package io.serverpulse.emulator;

import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.gateway.Playback;
import io.serverpulse.emulator.gateway.PlaybackSpeed;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.model.Community;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The standalone emulator: {@code java -jar discord-emulator-…-standalone.jar [--scenario NAME]
 * [--events N] [--seed N] [--guilds N] [--speed FACTOR|max] [--token TOKEN] [--key-seed HEX]
 * [--grant MEMBERS,CONTENT,PRESENCES]}. Prints the URLs, token, application id, public key and the
 * channels to collect, waits for the bot to connect, plays the scenario's timeline, and serves until
 * stopped.
 */
public final class Main {

    private Main() {
    }

    /** Parsed command line. */
    record Options(String scenario, ScenarioSettings settings, PlaybackSpeed speed, String token, String keySeed, int grants,
                   boolean help) {
    }

    /** The standalone's logging configuration (INFO), unless one is given with {@code -Dlogback.configurationFile}. */
    static final String LOGGING = "io/serverpulse/emulator/standalone-logback.xml";

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING);
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the standalone emulator until the JVM stops; returns the exit code (2 for a bad command line). */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            usage(err);
            return 2;
        }
        if (options.help()) {
            usage(out);
            return 0;
        }
        Standalone standalone;
        try {
            standalone = launch(options, out);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standalone.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        standalone.serve(out);
        stopped.await();
        return 0;
    }

    /**
     * Builds the scenario, starts the emulator and prints the banner.
     *
     * @throws IllegalArgumentException if the scenario is unknown or cannot be built with these settings
     */
    static Standalone launch(Options options, PrintStream out) {
        Scenario scenario = find(options.scenario(), options.settings())
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + options.scenario() + "' (available: "
                        + String.join(", ", scenarioNames()) + ")"));
        DiscordEmulator.Builder builder = DiscordEmulator.builder(scenario.communities()).grantPrivilegedIntents(options.grants());
        if (options.token() != null) {
            builder.token(options.token());
        }
        if (options.keySeed() != null) {
            builder.keyPair(InteractionKeyPair.fromSeedHex(options.keySeed()));
        }
        DiscordEmulator emulator = builder.start();
        printBanner(out, emulator, scenario, options);
        return new Standalone(emulator, scenario, options.speed());
    }

    /** A started emulator with its scenario. */
    static final class Standalone implements AutoCloseable {
        private final DiscordEmulator emulator;
        private final Scenario scenario;
        private final PlaybackSpeed speed;

        Standalone(DiscordEmulator emulator, Scenario scenario, PlaybackSpeed speed) {
            this.emulator = emulator;
            this.scenario = scenario;
            this.speed = speed;
        }

        DiscordEmulator emulator() {
            return emulator;
        }

        Scenario scenario() {
            return scenario;
        }

        /** Waits for the bot's first gateway session, plays the timeline, and reports; returns when it is played. */
        void serve(PrintStream out) throws InterruptedException {
            if (scenario.timeline().isEmpty()) {
                out.println("no timeline to play; serving (Ctrl-C to stop)");
                return;
            }
            emulator.awaitSessions(1, Duration.ofDays(365));
            out.println("bot connected: playing " + scenario.timeline().size() + " events");
            Playback playback = emulator.play(scenario.timeline(), speed);
            while (!playback.awaitCompletion(Duration.ofSeconds(10))) {
                out.println("played " + playback.played() + "/" + playback.total());
            }
            playback.failure().ifPresentOrElse(
                    f -> out.println("playback stopped: " + f.getMessage()),
                    () -> out.println("timeline played (" + playback.played() + " events); still serving (Ctrl-C to stop)"));
        }

        @Override
        public void close() {
            emulator.close();
        }
    }

    static Options parse(String[] args) {
        String scenario = DemoScenario.NAME;
        ScenarioSettings settings = ScenarioSettings.DEFAULTS;
        PlaybackSpeed speed = PlaybackSpeed.AS_FAST_AS_POSSIBLE;
        String token = null;
        String keySeed = null;
        int grants = Intents.GUILD_MEMBERS;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--scenario" -> scenario = value(args, ++i, arg);
                case "--events" -> settings = settings.withEvents(integer(value(args, ++i, arg), arg));
                case "--seed" -> settings = settings.withSeed(longValue(value(args, ++i, arg), arg));
                case "--guilds" -> settings = settings.withGuilds(integer(value(args, ++i, arg), arg));
                case "--token" -> token = value(args, ++i, arg);
                case "--key-seed" -> keySeed = keySeed(value(args, ++i, arg));
                case "--speed" -> speed = speed(value(args, ++i, arg));
                case "--grant" -> grants = grants(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Options(scenario, settings, speed, token, keySeed, grants, help);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int integer(String text, String option) {
        try {
            return Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number: " + text);
        }
    }

    private static long longValue(String text, String option) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number: " + text);
        }
    }

    private static String keySeed(String hex) {
        try {
            InteractionKeyPair.fromSeedHex(hex);
            return hex;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--key-seed takes 64 hex characters (a 32-byte Ed25519 seed)");
        }
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
        return find(name, ScenarioSettings.DEFAULTS);
    }

    /**
     * The scenario of the first provider that has one by this name.
     *
     * @throws IllegalArgumentException if that provider cannot build it with these settings
     */
    static Optional<Scenario> find(String name, ScenarioSettings settings) {
        for (ScenarioProvider provider : ServiceLoader.load(ScenarioProvider.class)) {
            Optional<Scenario> scenario = provider.scenario(name, settings);
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
        out.println("  Validation:      " + emulator.specValidator().source()
                .map(path -> "request bodies against Discord's OpenAPI spec (" + path + ") and the bot limits")
                .orElse("bot limits only; " + emulator.specValidator().skipNotice().orElse("Discord's OpenAPI spec not found")));
        out.println("  Scenario:        " + scenario.name() + " (" + scenario.timeline().size() + " events, speed "
                + (options.speed().unpaced() ? "max" : options.speed().factor() + "x") + ")");
        for (Community community : scenario.communities()) {
            out.println("  Guild:           " + Long.toUnsignedString(community.guildId()) + " " + community.name()
                    + " (" + community.channels().size() + " channels, " + community.members().size() + " members)");
            out.println("    collect:       " + scenario.collectedChannelIds(community).stream()
                    .map(Long::toUnsignedString).collect(Collectors.joining(",")));
        }
        out.println("Point the bot at these (JDA: RestConfig#setBaseUrl, a SessionController whose getGateway() returns the gateway URL,"
                + " Compression.NONE); collect the channels listed; verify interactions with the public key.");
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar discord-emulator-<version>-standalone.jar [options]");
        out.println("  --scenario NAME   scenario to serve and play (available: " + String.join(", ", scenarioNames()) + "; default demo)");
        out.println("  --events N        how many events a generated scenario has (small: 600, week: 100000 by default)");
        out.println("  --guilds N        how many guilds multi-guild has (default 5, at most 500)");
        out.println("  --seed N          random seed of a generated scenario (default " + SimScenarios.DEFAULT_SEED + ")");
        out.println("  --speed FACTOR    playback speed relative to simulated time, or max (default max)");
        out.println("  --token TOKEN     bot token to accept (default: a random one, printed)");
        out.println("  --key-seed HEX    32-byte Ed25519 seed (64 hex characters) for a fixed public key (default: a random key)");
        out.println("  --grant LIST      privileged intents the app is granted: MEMBERS,CONTENT,PRESENCES or NONE (default MEMBERS)");
        out.println("  --help            this text");
    }
}
