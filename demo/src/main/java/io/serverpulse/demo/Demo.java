package io.serverpulse.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.collector.app.Collector;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.DataDirectory;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.OwnerCommands;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.sim.TimelinePlayer;
import io.serverpulse.emulator.spec.SpecValidator;
import io.serverpulse.emulator.state.GuildState;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code java -jar serverpulse.jar} does without a {@code DISCORD_TOKEN}: the real bot (the
 * collector, with SQLite under {@code SERVERPULSE_DATA_DIR/demo}) against the built-in Discord
 * emulator serving {@link DemoScenario}'s server. The owner sets ServerPulse up with its slash
 * commands, two days of the server are played in about a minute, and the demo prints, in simulated
 * time, what the server's admin sees in Discord: the answers to the commands, and each alert message
 * as ServerPulse posted it and as it was edited when the incident ended (read from what the emulator
 * received); then a member's {@code /topmessagers} and the owner's {@code /sentiment summary}.
 */
final class Demo {

    static final Duration PLAY_TIME = Duration.ofSeconds(50);
    /** How far behind the simulated clock the feed is printed: the bot posts a moment after the event that caused it. */
    private static final Duration FEED_LAG = Duration.ofHours(1);
    private static final Duration PROGRESS_EVERY = Duration.ofHours(6);
    private static final Duration ANSWER = Duration.ofSeconds(20);
    /** The bot's clock ticks this often (real time): about a simulated minute, as the real bot's 5 s ticks are to real time. */
    private static final Duration TICK = Duration.ofMillis(20);
    private static final String INDENT = " ".repeat(11);

    private final SimulatedCommunity sim;
    private final Community guild;
    private final PrintStream out;

    private Demo(SimulatedCommunity sim, PrintStream out) {
        this.sim = sim;
        this.guild = sim.community();
        this.out = out;
    }

    static int run(ServerPulseConfig config, PrintStream out) {
        return run(config, out, PLAY_TIME);
    }

    /** @throws io.serverpulse.common.config.ConfigException if the demo's database directory cannot be used */
    static int run(ServerPulseConfig config, PrintStream out, Duration playTime) {
        Path dir = DataDirectory.require(config.dataDir().resolve("demo"), ServerPulseConfig.DATA_DIR);
        wipe(dir);
        try {
            return new Demo(DemoScenario.build(), out).play(dir, playTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("Demo interrupted.");
            return 1;
        }
    }

    private int play(Path dir, Duration playTime) throws InterruptedException {
        out.println("ServerPulse demo: no DISCORD_TOKEN is set, so ServerPulse runs against its built-in Discord emulator.");
        out.println("(To run the real bot, set DISCORD_TOKEN in .env; see the README.)");
        out.println();
        out.printf("The server \"%s\" has %d members. Two days of it (Monday and Tuesday, times in UTC) are played in about%n",
                guild.name(), guild.members().size());
        out.printf("%d seconds. Here is what its admin sees in Discord.%n%n", playTime.toSeconds());
        try (DiscordEmulator discord = DiscordEmulator.builder(sim.communities())
                .grantPrivilegedIntents(Intents.GUILD_MEMBERS | Intents.MESSAGE_CONTENT)
                // the demo is no test: Discord's OpenAPI spec is used when it is at hand, and not missed when it is not
                .spec(SpecValidator.fromReferenceFiles(notice -> { }))
                .start();
             SqliteStore store = SqliteStore.open(dir)) {
            discord.state().clock().set(sim.start());
            double speed = (double) Duration.between(sim.start(), sim.end()).toMillis() / playTime.toMillis();
            TimelinePlayer player = TimelinePlayer.realTime(sim.start(), speed);
            PacedPlayback pacing = new PacedPlayback();
            Collector collector = Collector.builder(botSettings(discord)).store(store, false).clock(player.clock())
                    .gatewayUrl(discord.gatewayUrl()).tickInterval(TICK).listener(pacing).start();
            DiscordView view = new DiscordView(discord);
            ChannelFeed feed = new ChannelFeed(discord, guild.guildId(), view);
            try {
                if (!collector.awaitReady(Duration.ofSeconds(30))) {
                    out.println("ServerPulse did not connect to the emulator within 30 s.");
                    return 1;
                }
                OwnerCommands commands = new OwnerCommands(discord);
                if (!setUp(commands, view)) {
                    return 1;
                }
                playTwoDays(discord, player, pacing, collector, feed, store);
                player.clock().advanceTo(sim.end());
                collector.flushNow();
                awaitQuiet(discord);
                printFeed(feed.poll(Instant.MAX));
                askQuestions(discord, commands, view);
            } finally {
                collector.shutdown();
            }
            List<ChannelFeed.Item> atShutdown = feed.poll(Instant.MAX);
            if (!atShutdown.isEmpty()) {
                out.println("When ServerPulse stopped, it marked the incidents still open as ended:");
                printFeed(atShutdown);
            }
            out.println();
            out.println("ServerPulse stopped (Ctrl-C or SIGTERM stops the real bot the same way: it writes its last counts first).");
            out.println("The demo's database is " + dir.resolve(SqliteStore.FILE_NAME) + ": counts only, no message text.");
            return 0;
        }
    }

    /**
     * Whether the bot is done with what an event at {@code at} calls for: the activity-drop check of
     * the hours before it ran, and every alert it decided on is posted (or given up on).
     */
    private static boolean done(Collector collector, Instant at) {
        boolean checked = collector.activityDropsCheckedUpTo().map(c -> !c.isBefore(at.truncatedTo(ChronoUnit.HOURS))).orElse(true);
        var alerts = collector.alertStats();
        return checked && alerts.accepted() <= alerts.published() + alerts.failed();
    }

    /** The bot's settings in the demo: the emulator's token and address, frequent writes, and message content for sentiment. */
    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    private static ServerPulseConfig botSettings(DiscordEmulator discord) {
        return ServerPulseConfig.load(EnvSource.of(Map.of(
                ServerPulseConfig.DISCORD_TOKEN, discord.token(),
                ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl(),
                ServerPulseConfig.FLUSH_SECONDS, "1",
                // a throwaway master key: the demo keeps nothing, so none is generated into the data directory
                ServerPulseConfig.MASTER_KEY, java.util.Base64.getEncoder().encodeToString(randomKey()),
                ServerPulseConfig.MESSAGE_CONTENT_INTENT, "true")));
    }

    /** The owner whitelists the counted channels and opts in to sentiment counts, as an admin does after inviting the bot. */
    private boolean setUp(OwnerCommands commands, DiscordView view) {
        if (!commands.awaitRegistered(guild.guildId(), "add-collect-channel", ANSWER)) {
            out.println("ServerPulse registered no slash commands within " + ANSWER.toSeconds() + " s.");
            return false;
        }
        out.println(DiscordView.time(sim.start()) + "  The owner sets ServerPulse up with its slash commands (answers only they see):");
        long first = collected().get(0).id();
        for (Community.Channel channel : collected()) {
            ask(commands, view, "/add-collect-channel channel:#" + channel.name(), first, "add-collect-channel",
                    OwnerCommands.channelOption("channel", channel.id()));
        }
        ask(commands, view, "/sentiment on", first, "sentiment", OwnerCommands.subcommand("on"));
        out.println(INDENT + "(Sentiment counts need the bot's operator to allow message content, as this demo does:");
        out.println(INDENT + " each message is scored in memory and dropped; only positive/neutral/negative counts are kept.)");
        return true;
    }

    private void ask(OwnerCommands commands, DiscordView view, String shown, long channel, String name, ArrayNode options) {
        out.println(INDENT + shown);
        print(commands.runAndAwait(channel, name, options, ANSWER), view, INDENT + "  ");
    }

    private void print(Optional<StoredMessage> answer, DiscordView view, String indent) {
        if (answer.isEmpty()) {
            out.println(indent + "(no answer within " + ANSWER.toSeconds() + " s)");
            return;
        }
        view.lines(answer.get()).forEach(line -> out.println(indent + line));
    }

    /** Plays the timeline, printing what members see in the channels and a count every 6 simulated hours, in simulated time. */
    private void playTwoDays(DiscordEmulator discord, TimelinePlayer player, PacedPlayback pacing, Collector collector,
            ChannelFeed feed, Store store) throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread playing = new Thread(() -> {
            try {
                pacing.play(discord, player, sim.events(), at -> done(collector, at));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "demo-playback");
        playing.setDaemon(true);
        playing.start();
        Instant nextCount = sim.start().plus(PROGRESS_EVERY);
        while (playing.isAlive()) {
            playing.join(100);
            Instant shown = player.clock().instant().minus(FEED_LAG);
            for (ChannelFeed.Item item : feed.poll(shown)) {
                for (; !nextCount.isAfter(item.at()); nextCount = nextCount.plus(PROGRESS_EVERY)) {
                    printCount(collector, store, nextCount);
                }
                printFeed(List.of(item));
            }
            for (; !nextCount.isAfter(shown) && nextCount.isBefore(sim.end()); nextCount = nextCount.plus(PROGRESS_EVERY)) {
                printCount(collector, store, nextCount);
            }
        }
        if (failure[0] != null) {
            throw new IllegalStateException("the demo's playback stopped: " + failure[0].getMessage(), failure[0]);
        }
    }

    /** What the bot counted before {@code until}, which playback has passed: written now, so the store has all of it. */
    private void printCount(Collector collector, Store store, Instant until) {
        collector.flushNow();
        TimeWindow window = new TimeWindow(sim.start(), until);
        out.printf("%s  (so far ServerPulse has counted %d messages and %d reactions in %s)%n", DiscordView.time(until),
                total(store, Counter.MESSAGES, window), total(store, Counter.REACTIONS, window),
                collected().stream().map(c -> "#" + c.name()).collect(Collectors.joining(", ")));
    }

    private long total(Store store, Counter counter, TimeWindow window) {
        return store.totals(BucketKind.CHANNEL_HOUR, guild.guildId(), counter, window, 100).stream().mapToLong(KeyCount::count).sum();
    }

    private void printFeed(List<ChannelFeed.Item> items) {
        for (ChannelFeed.Item item : items) {
            out.println(DiscordView.time(item.at()) + "  " + item.lines().get(0));
            item.lines().subList(1, item.lines().size()).forEach(line -> out.println(INDENT + line));
        }
    }

    /** Waits until the bot has posted or edited nothing for a second: what it posts last about the two days is then in. */
    private static void awaitQuiet(DiscordEmulator discord) throws InterruptedException {
        int versions = -1;
        while (versions != discord.recorded().messageVersions().size()) {
            versions = discord.recorded().messageVersions().size();
            Thread.sleep(1_000);
        }
    }

    /** After the two days: a member asks for the week's top messagers, the owner for the sentiment summary. */
    private void askQuestions(DiscordEmulator discord, OwnerCommands commands, DiscordView view) {
        GuildState server = discord.state().guild(guild.guildId()).orElseThrow();
        Community.Member member = guild.members().stream()
                .filter(m -> !m.bot() && m.userId() != guild.ownerId() && server.member(m.userId()).isPresent())
                .findFirst().orElseThrow();
        Community.Channel channel = collected().get(0);
        out.println(DiscordView.time(sim.end()) + "  " + member.username() + " asks in #" + channel.name() + ": /topmessagers period:7d");
        print(commands.answer(commands.runAs(member.userId(), channel.id(), "topmessagers",
                OwnerCommands.strings("period", "7d")).id(), ANSWER), view, INDENT + "  ");
        out.println(DiscordView.time(sim.end()) + "  The owner asks: /sentiment summary period:7d");
        print(commands.runAndAwait(channel.id(), "sentiment", OwnerCommands.subcommand("summary", "period", "7d"), ANSWER), view,
                INDENT + "  ");
    }

    private List<Community.Channel> collected() {
        List<Community.Channel> channels = new ArrayList<>();
        guild.channels().stream().filter(c -> c.type() == ChannelType.GUILD_TEXT && sim.collectedChannelIds().contains(c.id()))
                .forEach(channels::add);
        return channels;
    }

    private static void wipe(Path dir) {
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(dir.resolve(SqliteStore.FILE_NAME + suffix));
            } catch (IOException e) {
                throw new ConfigException(ServerPulseConfig.DATA_DIR, "Invalid " + ServerPulseConfig.DATA_DIR + ": cannot reset the demo's"
                        + " database in " + dir + " (" + e.getClass().getSimpleName() + ")");
            }
        }
    }
}
