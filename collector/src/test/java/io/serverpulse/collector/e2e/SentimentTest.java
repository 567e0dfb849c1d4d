package io.serverpulse.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.LogCapture;
import io.serverpulse.collector.support.SpecChecked;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in sentiment counts through the emulator and the real JDA collector into SQLite: with the
 * MESSAGE_CONTENT intent on and the guild opted in, the stored positive/neutral/negative counts of
 * every channel-hour equal the ground truth of the corpus's human-assigned moods, and every other
 * counter is unchanged; without the opt-in, or without the intent, there are none. If Discord
 * refuses the intent (4014), the operator is told what to switch on.
 */
class SentimentTest {

    private static final List<Counter> SENTIMENT = List.of(Counter.SENTIMENT_POSITIVE, Counter.SENTIMENT_NEUTRAL,
            Counter.SENTIMENT_NEGATIVE);

    @TempDir
    Path dir;

    private final SimulatedCommunity sim = Scenarios.small(11);
    private final long guild = sim.community().guildId();

    @Test
    void withTheIntentOnAndTheGuildOptedInTheSentimentCountsEqualTheGroundTruth() throws Exception {
        // GIVEN the emulator granting MESSAGE_CONTENT, the collector asking for it, the guild opted in
        // WHEN the small scenario (2 days, 600 events) is played
        Map<BucketKey, Map<Counter, Long>> stored = run(true, true, "on-opted-in");

        // THEN every bucket, sentiment counters included, equals the truth with the guild's sentiment
        GroundTruth truth = sim.groundTruth(false, Set.of(guild));
        assertThat(Buckets.differences(stored, Buckets.ofGuild(truth.buckets(), guild))).isEmpty();
        // which has all three classes, and the same message counts as without sentiment
        for (Counter counter : SENTIMENT) {
            assertThat(truth.total(guild, counter)).as(counter.toString()).isGreaterThan(5);
        }
        assertThat(truth.total(guild, Counter.MESSAGES)).isEqualTo(sim.groundTruth().total(guild, Counter.MESSAGES));
    }

    @Test
    void aGuildThatDidNotOptInGetsNoSentimentCounts() throws Exception {
        // GIVEN the intent on, but the guild not opted in
        // WHEN the scenario is played
        Map<BucketKey, Map<Counter, Long>> stored = run(true, false, "on-not-opted-in");

        // THEN the store equals the plain truth: no sentiment counter anywhere
        assertThat(Buckets.differences(stored, Buckets.ofGuild(sim.groundTruth().buckets(), guild))).isEmpty();
        assertThat(stored.values()).noneMatch(counters -> SENTIMENT.stream().anyMatch(counters::containsKey));
    }

    @Test
    void withoutTheIntentAnOptInDoesNothing() throws Exception {
        // GIVEN the guild opted in, but ENABLE_MESSAGE_CONTENT_INTENT unset
        // WHEN the scenario is played
        Map<BucketKey, Map<Counter, Long>> stored = run(false, true, "off-opted-in");

        // THEN there are no sentiment counts, and everything else is as usual
        assertThat(Buckets.differences(stored, Buckets.ofGuild(sim.groundTruth().buckets(), guild))).isEmpty();
        assertThat(stored.values()).noneMatch(counters -> SENTIMENT.stream().anyMatch(counters::containsKey));
    }

    @Test
    void whenDiscordRefusesTheIntentTheOperatorIsToldWhatToSwitchOn() throws Exception {
        try (LogCapture logs = LogCapture.install();
             DiscordEmulator discord = TestBots.emulator(sim, new SpecChecked(), Intents.GUILD_MEMBERS);
             SqliteStore store = SqliteStore.open(Files.createDirectories(dir.resolve("refused")))) {
            // GIVEN an app without the Message Content Intent switched on, and the collector asking for it
            TestBots.whitelist(store, sim);
            SimulatedClock clock = new SimulatedClock(sim.start());
            java.util.concurrent.CountDownLatch refused = new java.util.concurrent.CountDownLatch(1);
            Collector collector = TestBots.collector(discord,
                    TestBots.config(discord, Map.of(ServerPulseConfig.MESSAGE_CONTENT_INTENT, "true")), store, clock,
                    new GatewayProgress()).onGatewayRefused(refused::countDown).start();

            // WHEN it identifies and Discord closes the gateway with 4014
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!logs.text().contains("close code 4014") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            // THEN one line tells the operator to switch on the intent in the Developer Portal or unset the variable
            String advice = "Discord refused the privileged gateway intents (close code 4014 \"Disallowed intent(s)\"): in the"
                    + " Discord Developer Portal, Bot > Privileged Gateway Intents, switch on \"Message Content Intent\" (and"
                    + " \"Server Members Intent\"), or unset ENABLE_MESSAGE_CONTENT_INTENT to run without sentiment counts";
            assertThat(logs.text()).contains(advice);
            assertThat(logs.text().split(java.util.regex.Pattern.quote(advice), -1)).hasSize(2);
            assertThat(collector.awaitReady(Duration.ofMillis(200))).isFalse();
            // and the process is told to end (main exits with status 1 rather than idle without a gateway)
            assertThat(refused.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            collector.shutdown();
        }
    }

    /** Plays the scenario through a collector into a fresh SQLite store and returns the guild's stored buckets. */
    private Map<BucketKey, Map<Counter, Long>> run(boolean intent, boolean optedIn, String name) throws Exception {
        SimulatedClock clock = new SimulatedClock(sim.start());
        GatewayProgress progress = new GatewayProgress();
        int granted = Intents.GUILD_MEMBERS | Intents.MESSAGE_CONTENT;
        try (DiscordEmulator discord = TestBots.emulator(sim, new SpecChecked(), granted);
             SqliteStore store = SqliteStore.open(Files.createDirectories(dir.resolve(name)))) {
            TestBots.whitelist(store, sim);
            if (optedIn) {
                TestBots.optInToSentiment(store, sim);
            }
            Map<String, String> env = intent ? Map.of(ServerPulseConfig.MESSAGE_CONTENT_INTENT, "true") : Map.of();
            Collector collector = TestBots.collector(discord, TestBots.config(discord, env), store, clock, progress).start();
            TestBots.awaitReady(collector);
            new Lockstep(discord, clock, progress).play(sim.events());
            clock.advanceTo(sim.end());
            assertThat(collector.shutdown().complete()).isTrue();
            return Buckets.stored(store, guild);
        }
    }
}
