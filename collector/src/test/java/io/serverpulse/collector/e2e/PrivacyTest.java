package io.serverpulse.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.LogCapture;
import io.serverpulse.collector.support.MongoDump;
import io.serverpulse.collector.support.SpecChecked;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.sim.MessageCorpus;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a run in which members wrote messages from the emulator's corpus (made-up words found
 * nowhere else), none of those words is anywhere in the database, with either adapter, nor in
 * anything the bot logged down to TRACE (JDA's raw gateway payloads included).
 *
 * <p>Both runs are the riskiest configuration: the bot asks for MESSAGE_CONTENT (granted), so the
 * text really reaches it, and the guild opted in to sentiment, so it is scored; the stored
 * sentiment counts prove it was.
 */
class PrivacyTest {

    private static final MessageCorpus CORPUS = MessageCorpus.standard();

    @TempDir
    Path dir;

    private final SimulatedCommunity sim = Scenarios.small(31);
    private final SimulatedClock clock = new SimulatedClock(sim.start());
    private final GatewayProgress progress = new GatewayProgress();

    @Test
    void theTimelineReallyCarriesCorpusText() {
        // GIVEN / WHEN the messages of the timeline
        String written = sim.events().stream().filter(e -> e instanceof TimelineEvent.MessageCreate)
                .map(e -> ((TimelineEvent.MessageCreate) e).content()).collect(Collectors.joining("\n"));

        // THEN they hold corpus words: there is text to leak, and the scan finds it where it is
        assertThat(CORPUS.leakedTokens(written)).hasSizeGreaterThan(20);
    }

    @Test
    void noMessageTextInTheSqliteFileOrTheLogs() throws Exception {
        try (LogCapture logs = LogCapture.install()) {
            // GIVEN / WHEN a run into SQLite, with a slash command answered at the end
            try (SqliteStore store = SqliteStore.open(dir)) {
                play(store);
            }

            // THEN the database file (and any WAL leftovers), read byte by byte, holds no corpus word
            String file;
            try (Stream<Path> files = Files.list(dir)) {
                file = files.map(PrivacyTest::bytes).collect(Collectors.joining());
            }
            assertThat(file).contains("hourly_metrics");
            assertThat(CORPUS.leakedTokens(file)).isEmpty();
            assertThat(scored).as("sentiment counts stored: the text reached the bot and was scored").isGreaterThan(0);
            // nor does any line the bot logged
            assertThat(logs.lines()).isGreaterThan(100);
            assertThat(CORPUS.leakedTokens(logs.text())).isEmpty();
        }
    }

    @Test
    void noMessageTextInMongoDbOrTheLogs() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        try (LogCapture logs = LogCapture.install()) {
            // GIVEN / WHEN a run into MongoDB
            try (MongoStore store = MongoStores.connect(uri + "/serverpulse")) {
                play(store);
            }

            // THEN no document of any collection of any database holds a corpus word
            String everything = MongoDump.everyDocument(uri);
            assertThat(everything).contains("hourly_metrics").contains("user_daily");
            assertThat(CORPUS.leakedTokens(everything)).isEmpty();
            assertThat(scored).as("sentiment counts stored: the text reached the bot and was scored").isGreaterThan(0);
            assertThat(logs.lines()).isGreaterThan(100);
            assertThat(CORPUS.leakedTokens(logs.text())).isEmpty();
        } finally {
            mongo.shutdownNow();
        }
    }

    /** Positive and negative counts stored by the last {@link #play}: only text can make them. */
    private long scored;

    private void play(Store store) throws Exception {
        try (DiscordEmulator discord = TestBots.emulator(sim, new SpecChecked(), Intents.GUILD_MEMBERS | Intents.MESSAGE_CONTENT)) {
            TestBots.whitelist(store, sim);
            TestBots.optInToSentiment(store, sim);
            Collector collector = TestBots.collector(discord,
                    TestBots.config(discord, Map.of(ServerPulseConfig.MESSAGE_CONTENT_INTENT, "true")), store, clock, progress).start();
            TestBots.awaitReady(collector);
            new Lockstep(discord, clock, progress).play(sim.events());
            long channel = sim.collectedChannelIds().iterator().next();
            while (discord.recorded().commandRegistrations().isEmpty()) {
                Thread.sleep(20);
            }
            PendingInteraction asked = discord.slashCommand(channel, sim.community().ownerId(), "topmessagers", Map.of());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (discord.recorded().messages().stream().noneMatch(m -> m.interactionId() != null
                    && m.interactionId() == asked.id() && !m.embeds().isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            clock.advanceTo(sim.end());
            assertThat(collector.shutdown().complete()).isTrue();
            assertThat(collector.interactionsHandled()).isEqualTo(1);
            long guild = sim.community().guildId();
            scored = Buckets.stored(store, guild).values().stream()
                    .mapToLong(c -> c.getOrDefault(Counter.SENTIMENT_POSITIVE, 0L) + c.getOrDefault(Counter.SENTIMENT_NEGATIVE, 0L))
                    .sum();
        }
    }

    private static String bytes(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
