package io.serverpulse.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.gateway.Shards;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two collector processes configured {@code SHARD_ID=0 SHARD_TOTAL=2} and {@code SHARD_ID=1
 * SHARD_TOTAL=2} against one multi-guild timeline: each guild is counted by the process that runs
 * its shard and by no other, and together they store exactly the ground truth. (Each process
 * writes to its own database here, so that "counted by one only" is visible.)
 */
class ScaleOutTest {

    @TempDir
    Path dir;

    @Test
    void twoShardProcessesTogetherStoreExactlyTheGroundTruthEachGuildOnce() throws Exception {
        // GIVEN six guilds spread over two shards, and one collector per shard with its own store
        SimulatedCommunity sim = Scenarios.multiGuild(8, 6);
        List<Long> guilds = sim.communities().stream().map(Community::guildId).toList();
        assertThat(guilds).extracting(g -> Shards.shardOf(g, 2)).contains(0, 1);
        SimulatedClock clock = new SimulatedClock(sim.start());
        GatewayProgress progress = new GatewayProgress();
        try (DiscordEmulator discord = TestBots.emulator(sim);
             SqliteStore store0 = SqliteStore.open(dir.resolve("shard0"));
             SqliteStore store1 = SqliteStore.open(dir.resolve("shard1"))) {
            List<SqliteStore> stores = List.of(store0, store1);
            stores.forEach(store -> TestBots.whitelist(store, sim));
            Collector shard0 = TestBots.collector(discord, TestBots.config(discord, Map.of(ServerPulseConfig.SHARD_ID, "0",
                    ServerPulseConfig.SHARD_TOTAL, "2")), store0, clock, progress).start();
            Collector shard1 = TestBots.collector(discord, TestBots.config(discord, Map.of(ServerPulseConfig.SHARD_ID, "1",
                    ServerPulseConfig.SHARD_TOTAL, "2")), store1, clock, progress).start();
            TestBots.awaitReady(shard0);
            TestBots.awaitReady(shard1);
            List<Collector> collectors = List.of(shard0, shard1);

            // WHEN the three days of all six guilds are played and both shut down
            new Lockstep(discord, clock, progress).play(sim.events());
            assertThat(discord.sessions()).extracting(s -> s.shardId() + "/" + s.shardCount())
                    .containsExactlyInAnyOrder("0/2", "1/2");
            clock.advanceTo(sim.end());
            collectors.forEach(c -> assertThat(c.shutdown().complete()).isTrue());

            // THEN each guild was served and counted by its shard's process only, exactly as the truth says
            GroundTruth truth = sim.groundTruth();
            for (long guild : guilds) {
                int owner = Shards.shardOf(guild, 2);
                assertThat(Buckets.differences(Buckets.stored(stores.get(owner), guild), Buckets.ofGuild(truth.buckets(), guild)))
                        .as("guild %d in the store of shard %d", guild, owner).isEmpty();
                assertThat(Buckets.stored(stores.get(1 - owner), guild)).as("guild %d in the other store", guild).isEmpty();
            }
            long events0 = shard0.recorderStats().received();
            long events1 = shard1.recorderStats().received();
            assertThat(events0).isPositive();
            assertThat(events1).isPositive();
            assertThat(events0 + events1).isEqualTo(sim.events().size());
        }
    }
}
