package io.serverpulse.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.collector.app.Collector;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.config.DataDirectory;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.metrics.flush.FlushStats;
import io.serverpulse.common.metrics.flush.ShutdownReport;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.sim.TimelinePlayer;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code java -jar serverpulse.jar} does without a {@code DISCORD_TOKEN}: starts the built-in
 * Discord emulator with a simulated guild (two days, 600 events, a join raid, a mass deletion, an
 * activity drop and a voice surge), runs the real collector against it with SQLite under
 * {@code SERVERPULSE_DATA_DIR/demo}, plays the two days in about a minute while printing what the
 * collector does, then asks {@code /topmessagers} like a member would and prints the leaderboard
 * and the alerts it stored.
 */
final class Demo {

    static final long SEED = 7;
    static final Duration PLAY_TIME = Duration.ofSeconds(60);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm").withZone(ZoneOffset.UTC);

    private Demo() {
    }

    static int run(ServerPulseConfig config, PrintStream out) {
        return run(config, out, PLAY_TIME);
    }

    static int run(ServerPulseConfig config, PrintStream out, Duration playTime) {
        SimulatedCommunity sim = Scenarios.small(SEED);
        Community guild = sim.community();
        Path dir = DataDirectory.require(config.dataDir().resolve("demo"), ServerPulseConfig.DATA_DIR);
        out.println("ServerPulse demo: DISCORD_TOKEN is not set, so ServerPulse runs against its built-in Discord emulator.");
        out.println("(Set DISCORD_TOKEN in .env to run the real bot; see README.)");
        out.printf("Guild \"%s\": %d members, collecting %d text channels; %d events over %s played in about %d s.%n",
                guild.name(), guild.members().size(), sim.collectedChannelIds().size(), sim.events().size(),
                Duration.between(sim.start(), sim.end()).toHours() + " h of simulated time", playTime.toSeconds());
        wipe(dir);
        try (DiscordEmulator discord = DiscordEmulator.builder(sim.communities())
                .grantPrivilegedIntents(Intents.GUILD_MEMBERS | Intents.MESSAGE_CONTENT).start();
             SqliteStore store = SqliteStore.open(dir)) {
            // the demo guild opted in to sentiment counts, and the demo's operator enabled message content
            store.saveSettings(GuildSettings.defaults(guild.guildId()).withCollectChannels(sim.collectedChannelIds(), sim.start())
                    .withSentiment(true, sim.start()));
            ServerPulseConfig demo = ServerPulseConfig.load(EnvSource.of(Map.of(
                    ServerPulseConfig.DISCORD_TOKEN, discord.token(),
                    ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl(),
                    ServerPulseConfig.FLUSH_SECONDS, "1",
                    ServerPulseConfig.MESSAGE_CONTENT_INTENT, "true")));
            double speed = (double) Duration.between(sim.start(), sim.end()).toMillis() / playTime.toMillis();
            TimelinePlayer player = TimelinePlayer.realTime(sim.start(), speed);
            Collector collector = Collector.builder(demo).store(store, false).clock(player.clock())
                    .gatewayUrl(discord.gatewayUrl()).tickInterval(Duration.ofMillis(500)).start();
            try {
                if (!collector.awaitReady(Duration.ofSeconds(30))) {
                    out.println("The collector did not connect to the emulator within 30 s.");
                    return 1;
                }
                out.printf("Connected to the emulator's gateway as %s.%n", collector.shards().getShards().get(0).getSelfUser().getName());
                play(sim, discord, player, collector, out);
                player.clock().advanceTo(sim.end());
                collector.flushNow();
                askTopMessagers(discord, guild, out);
                askSentimentSummary(discord, guild, out);
            } finally {
                ShutdownReport report = collector.shutdown();
                summary(collector, report, out);
            }
            results(store, sim, guild, out);
            out.println("The demo's data is in " + dir.resolve(SqliteStore.FILE_NAME) + ".");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("Demo interrupted.");
            return 1;
        }
    }

    private static void play(SimulatedCommunity sim, DiscordEmulator discord, TimelinePlayer player, Collector collector,
                             PrintStream out) throws InterruptedException {
        Thread playing = new Thread(() -> {
            try {
                player.play(sim.events(), discord::apply);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-playback");
        playing.setDaemon(true);
        long started = System.nanoTime();
        playing.start();
        long alertsSeen = 0;
        while (playing.isAlive()) {
            playing.join(5_000);
            FlushStats flush = collector.flushStats();
            long alerts = collector.alertStats().accepted();
            out.printf("[%3d s] simulated %s  gateway events %5d  counted %5d  written %5d in %3d bulk writes  alerts %d%n",
                    (System.nanoTime() - started) / 1_000_000_000, TIME.format(player.clock().instant()),
                    collector.recorderStats().received(), flush.eventsRecorded(), flush.eventsWritten(), flush.batchesApplied(),
                    alerts);
            if (alerts > alertsSeen) {
                alertsSeen = alerts;
            }
        }
    }

    /** A member runs /topmessagers in the first collected channel; prints the bot's answer as Discord would show it. */
    private static void askTopMessagers(DiscordEmulator discord, Community guild, PrintStream out) throws InterruptedException {
        long channel = guild.channels().stream().filter(c -> c.type() == io.serverpulse.emulator.model.ChannelType.GUILD_TEXT)
                .findFirst().orElseThrow().id();
        PendingInteraction asked = discord.slashCommand(channel, guild.ownerId(), "topmessagers", Map.of("period", "7d"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> embed = answer(discord, asked.id());
            if (embed.isPresent()) {
                out.println("A member asked /topmessagers period:7d; ServerPulse answered:");
                out.println("  " + embed.get().path("title").asText());
                for (String line : embed.get().path("description").asText().split("\n")) {
                    out.println("    " + line);
                }
                return;
            }
            Thread.sleep(100);
        }
        out.println("/topmessagers got no answer within 20 s.");
    }

    /** The owner runs /sentiment summary period:7d; prints the counts ServerPulse kept (never the text). */
    private static void askSentimentSummary(DiscordEmulator discord, Community guild, PrintStream out) throws InterruptedException {
        long channel = guild.channels().stream().filter(c -> c.type() == io.serverpulse.emulator.model.ChannelType.GUILD_TEXT)
                .findFirst().orElseThrow().id();
        com.fasterxml.jackson.databind.node.ArrayNode options = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        options.addObject().put("type", 1).put("name", "summary").putArray("options")
                .addObject().put("type", 3).put("name", "period").put("value", "7d");
        PendingInteraction asked = discord.newSlashCommand(channel, guild.ownerId(), "sentiment", options);
        discord.dispatchInteraction(asked);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> embed = discord.recorded().interactionCallbacks(asked.id()).stream()
                    .map(c -> c.data() == null ? null : c.data().path("embeds").path(0))
                    .filter(e -> e != null && !e.isMissingNode())
                    .findFirst();
            if (embed.isPresent()) {
                out.println("The owner asked /sentiment summary period:7d (message text was scored in memory, only counts kept):");
                out.println("  " + embed.get().path("title").asText());
                for (String line : embed.get().path("description").asText().split("\n")) {
                    out.println("    " + line);
                }
                return;
            }
            Thread.sleep(100);
        }
        out.println("/sentiment summary got no answer within 20 s.");
    }

    /** The embed of the bot's answer to the interaction once it has one (a deferred answer gets it with the edit). */
    private static Optional<JsonNode> answer(DiscordEmulator discord, long interactionId) {
        return discord.recorded().messages().stream()
                .filter(m -> m.interactionId() != null && m.interactionId() == interactionId && !m.embeds().isEmpty())
                .map(m -> m.embeds().get(0))
                .findFirst();
    }

    private static void summary(Collector collector, ShutdownReport report, PrintStream out) {
        FlushStats flush = collector.flushStats();
        out.printf("Collector stopped: %d gateway events, %d activity events counted and written in %d bulk writes "
                        + "(%d bucket upserts, %.3f bulk writes per event); %d unwritten, %d dropped.%n",
                collector.recorderStats().received(), flush.eventsWritten(), flush.batchesApplied(), flush.bucketsWritten(),
                flush.eventsWritten() == 0 ? 0.0 : (double) flush.batchesApplied() / flush.eventsWritten(),
                report.unwrittenEvents(), report.eventsDropped());
    }

    private static void results(SqliteStore store, SimulatedCommunity sim, Community guild, PrintStream out) {
        Map<Long, String> names = new HashMap<>();
        guild.members().forEach(m -> names.put(m.userId(), m.username()));
        guild.channels().forEach(c -> names.put(c.id(), "#" + c.name()));
        Instant now = sim.end().minusMillis(1);
        List<MemberCount> top = store.topMembers(LeaderboardQuery.messages(guild.guildId(), BucketKey.ALL_CHANNELS,
                Period.LAST_7_DAYS, now, 5));
        out.println("Top messagers (stored counts, last 7 days):");
        for (int i = 0; i < top.size(); i++) {
            out.printf("  %d. %-20s %d messages%n", i + 1, names.getOrDefault(top.get(i).memberId(), "member " + top.get(i).memberId()),
                    top.get(i).count());
        }
        TimeWindow all = new TimeWindow(sim.start().minus(Duration.ofDays(1)), sim.end().plus(Duration.ofDays(1)));
        List<KeyCount> channels = store.totals(BucketKind.CHANNEL_HOUR, guild.guildId(), Counter.MESSAGES, all, 5);
        out.println("Busiest channels: " + channels.stream()
                .map(c -> names.getOrDefault(Long.parseLong(c.key()), c.key()) + " " + c.count()).collect(Collectors.joining(", ")));
        List<AlertRecord> alerts = store.alerts(guild.guildId(), all);
        out.println("Alerts (posted in #serverpulse-updates and stored):");
        if (alerts.isEmpty()) {
            out.println("  none");
        }
        for (AlertRecord alert : alerts) {
            out.printf("  %s %-13s %-8s %s%s%n", TIME.format(alert.startedAt()), alert.type(), alert.severity(), alert.context(),
                    alert.ongoing() ? " (ongoing)" : " (ended " + TIME.format(alert.endedAt()) + ")");
        }
    }

    private static void wipe(Path dir) {
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(dir.resolve(SqliteStore.FILE_NAME + suffix));
            } catch (IOException e) {
                throw new IllegalStateException("cannot reset the demo database in " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
