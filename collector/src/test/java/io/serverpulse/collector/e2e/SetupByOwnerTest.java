package io.serverpulse.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.emulator.BotSetup;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.OwnerCommands;
import io.serverpulse.emulator.Scenario;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone emulator's {@code --setup-bot} with the real bot: nothing is whitelisted in the store beforehand; the
 * guild's owner runs /add-collect-channel over the gateway, ServerPulse answers, and then counts exactly what the timeline
 * posts in those channels (before, it counted only joins and voice).
 */
class SetupByOwnerTest {

    @TempDir
    Path dir;

    @Test
    void afterTheOwnersCommandsTheBotCountsTheCollectedChannelsExactly() throws Exception {
        // GIVEN a fresh bot: no settings stored, connected to the emulator
        SimulatedCommunity sim = Scenarios.small(61);
        long guildId = sim.community().guildId();
        SimulatedClock clock = new SimulatedClock(sim.start());
        GatewayProgress progress = new GatewayProgress();
        try (DiscordEmulator discord = TestBots.emulator(sim); SqliteStore store = SqliteStore.open(dir)) {
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(collector);

            // WHEN the owner sets it up as --setup-bot does, and the timeline plays
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            boolean answered = new BotSetup(new OwnerCommands(discord), Duration.ofSeconds(60))
                    .run(new Scenario("small", sim.communities(), sim.events(), sim.collectedChannelIds()),
                            new PrintStream(printed, true, StandardCharsets.UTF_8));
            new Lockstep(discord, clock, progress).play(sim.events());
            clock.advanceTo(sim.end());
            collector.shutdown();

            // THEN each command got ServerPulse's answer, and the stored counts equal the ground truth
            assertThat(answered).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("→ ✅ ServerPulse now counts activity in #").doesNotContain("no answer");
            assertThat(store.findSettings(guildId).orElseThrow().collectChannels()).isEqualTo(sim.collectedChannelIds());
            assertThat(Buckets.differences(Buckets.stored(store, guildId), Buckets.ofGuild(sim.groundTruth().buckets(), guildId)))
                    .isEmpty();
        }
    }
}
