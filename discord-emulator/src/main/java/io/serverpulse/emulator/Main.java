package io.serverpulse.emulator;

import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.gateway.Playback;
import io.serverpulse.emulator.gateway.PlaybackSpeed;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.model.Community;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
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
 * [--grant MEMBERS,CONTENT,PRESENCES] [--setup-bot [--interactions-url URL]]}. Prints the two
 * variables a bot needs ({@code DISCORD_TOKEN}, {@code DISCORD_API_BASE_URL}) and the channels to
 * collect, waits for the bot to connect, optionally sets it up as each guild's owner would
 * ({@link BotSetup}), plays the scenario's timeline, and serves until stopped.
 */
public final class Main {

    private Main() {
    }

    /** Parsed command line. */
    record Options(String scenario, ScenarioSettings settings, PlaybackSpeed speed, String token, String keySeed, int grants,
                   boolean setupBot, URI interactionsUrl, boolean help) {
    }

    /** How long {@code --setup-bot} waits for the bot's commands, and for each answer. */
    static final Duration SETUP_WAIT = Duration.ofSeconds(60);

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
        return new Standalone(emulator, scenario, options);
    }

    /** A started emulator with its scenario. */
    static final class Standalone implements AutoCloseable {
        private final DiscordEmulator emulator;
        private final Scenario scenario;
        private final Options options;

        Standalone(DiscordEmulator emulator, Scenario scenario, Options options) {
            this.emulator = emulator;
            this.scenario = scenario;
            this.options = options;
        }

        DiscordEmulator emulator() {
            return emulator;
        }

        Scenario scenario() {
            return scenario;
        }

        /**
         * Waits for the bot's first gateway session, sets it up if asked, plays the timeline, and
         * reports; returns when it is played.
         */
        void serve(PrintStream out) throws InterruptedException {
            if (scenario.timeline().isEmpty() && !options.setupBot()) {
                out.println("no timeline to play; serving (Ctrl-C to stop)");
                return;
            }
            emulator.awaitSessions(1, Duration.ofDays(365));
            out.println("bot connected");
            if (options.setupBot()) {
                new BotSetup(new OwnerCommands(emulator, options.interactionsUrl()), SETUP_WAIT).run(scenario, out);
            }
            if (scenario.timeline().isEmpty()) {
                out.println("no timeline to play; serving (Ctrl-C to stop)");
                return;
            }
            out.println("playing " + scenario.timeline().size() + " events");
            Playback playback = emulator.play(scenario.timeline(), options.speed());
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
        PlaybackSpeed speed = PlaybackSpeed.REAL_TIME;
        String token = null;
        String keySeed = null;
        int grants = Intents.GUILD_MEMBERS;
        boolean setupBot = false;
        URI interactionsUrl = null;
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
                case "--setup-bot" -> setupBot = true;
                case "--interactions-url" -> interactionsUrl = url(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (interactionsUrl != null && !setupBot) {
            throw new IllegalArgumentException("--interactions-url is where --setup-bot sends its commands: give --setup-bot too");
        }
        return new Options(scenario, settings, speed, token, keySeed, grants, setupBot, interactionsUrl, help);
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

    private static URI url(String text) {
        try {
            URI url = new URI(text);
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new URISyntaxException(text, "not http(s)");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--interactions-url takes the bot's http(s) interactions endpoint: " + text);
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
        out.println("Start the bot with these two settings (environment or .env):");
        out.println("  DISCORD_TOKEN=" + emulator.token());
        out.println("  DISCORD_API_BASE_URL=" + emulator.restBaseUrl());
        out.println("  (other bots may also need: the gateway " + emulator.gatewayUrl() + ", which GET /gateway names;");
        out.println("  application id " + Long.toUnsignedString(emulator.applicationId()) + "; public key " + emulator.publicKey()
                + ", which verifies signed interactions)");
        out.println("Scenario " + scenario.name() + ": " + scenario.timeline().size() + " events, " + pace(options.speed(), span(scenario)));
        for (Community community : scenario.communities()) {
            out.println("  Guild " + community.name() + " (" + Long.toUnsignedString(community.guildId()) + "): "
                    + community.members().size() + " members, " + community.channels().size() + " channels");
            out.println("    channels to collect: " + scenario.collectedChannelIds(community).stream()
                    .map(id -> "#" + channelName(community, id) + " (" + Long.toUnsignedString(id) + ")")
                    .collect(Collectors.joining(", ")));
        }
        out.println(options.setupBot()
                ? "Once the bot has registered its commands, each guild's owner runs /add-collect-channel for these channels"
                        + (options.interactionsUrl() == null ? " (over the gateway)." : " (at " + options.interactionsUrl() + ").")
                : "The bot counts only the channels an admin adds: run /add-collect-channel for each (or start with --setup-bot).");
        out.println("Validation: " + emulator.specValidator().source()
                .map(path -> "request bodies against Discord's OpenAPI spec (" + path + ") and the bot limits")
                .orElse("bot limits only; " + emulator.specValidator().skipNotice().orElse("Discord's OpenAPI spec not found")));
    }

    /** The pace, how long playing {@code span} of simulated time takes, and what the pace does to a bot's alerts. */
    static String pace(PlaybackSpeed speed, Duration span) {
        if (speed.factor() == 1.0) {
            return "played in real time (" + hours(span) + "), so alerts come as a real guild would get them";
        }
        String played = speed.unpaced() ? "played as fast as the bot reads"
                : "played at " + BigDecimal.valueOf(speed.factor()).stripTrailingZeros().toPlainString() + "x real time ("
                        + hours(Duration.ofMillis((long) (span.toMillis() / speed.factor()))) + ")";
        return played + ". Counts and answers are exact, but a bot times deletions, leaves and voice when they arrive, so"
                + " ordinary deletions and joins are packed into its 30 s / 60 s alert windows: expect mass-deletion and raid"
                + " alerts a real guild would not get (--speed 1 plays in real time)";
    }

    private static Duration span(Scenario scenario) {
        List<io.serverpulse.emulator.timeline.TimelineEvent> timeline = scenario.timeline();
        return timeline.isEmpty() ? Duration.ZERO : Duration.between(timeline.get(0).at(), timeline.get(timeline.size() - 1).at());
    }

    /** "48 h", "12 min", "40 s". */
    private static String hours(Duration d) {
        if (d.toHours() >= 2) {
            return d.toHours() + " h";
        }
        return d.toMinutes() >= 2 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static String channelName(Community community, long channelId) {
        return community.channels().stream().filter(c -> c.id() == channelId).map(Community.Channel::name).findFirst().orElse("?");
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar discord-emulator-<version>-standalone.jar [options]");
        out.println("  --scenario NAME   scenario to serve and play (available: " + String.join(", ", scenarioNames()) + "; default demo)");
        out.println("  --events N        how many events a generated scenario has (small: 600, week: 100000 by default)");
        out.println("  --guilds N        how many guilds multi-guild has (default 5, at most 500)");
        out.println("  --seed N          random seed of a generated scenario (default " + SimScenarios.DEFAULT_SEED + ")");
        out.println("  --speed FACTOR    playback speed relative to real time, or max (default 1: real time; faster packs ordinary");
        out.println("                    deletions and joins into a bot's alert windows and raises alerts a real guild would not get)");
        out.println("  --token TOKEN     bot token to accept (default: a random one, printed)");
        out.println("  --key-seed HEX    32-byte Ed25519 seed (64 hex characters) for a fixed public key (default: a random key)");
        out.println("  --grant LIST      privileged intents the app is granted: MEMBERS,CONTENT,PRESENCES or NONE (default MEMBERS)");
        out.println("  --setup-bot       once the bot has registered its commands, run /add-collect-channel for the scenario's");
        out.println("                    channels as each guild's owner (over the gateway, as a self-hosted bot answers)");
        out.println("  --interactions-url URL  with --setup-bot: send those commands signed to the bot's HTTP interactions endpoint");
        out.println("  --help            this text");
    }
}
