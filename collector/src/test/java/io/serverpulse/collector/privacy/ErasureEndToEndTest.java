package io.serverpulse.collector.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.ExportFiles;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Interactions;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.Members;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /privacy forget} by a member and {@code /privacy purge-member} by an admin, through the
 * emulator, in both stores: the two members' rows are gone, channel totals stay, and neither
 * {@code /topmessagers} nor {@code /export-report} shows them any more.
 */
class ErasureEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void forgetAndPurgeEraseTheMembersInSqlite() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            forgetAndPurge(store);
        }
    }

    @Test
    void forgetAndPurgeEraseTheMembersInMongoDb() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        try (MongoStore store = MongoStores.connect("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/serverpulse")) {
            forgetAndPurge(store);
        } finally {
            mongo.shutdownNow();
        }
    }

    private void forgetAndPurge(Store store) throws Exception {
        // GIVEN a small guild's timeline counted by the bot, and its two most active members
        SimulatedCommunity sim = Scenarios.small(29);
        long guild = sim.community().guildId();
        long channel = sim.collectedChannelIds().iterator().next();
        List<Long> active = Members.activeAround(sim, Members.splitNearMiddle(sim));
        long forgetting = active.get(0);
        long purged = active.get(1);
        SimulatedClock clock = new SimulatedClock(sim.start());
        GatewayProgress progress = new GatewayProgress();
        try (DiscordEmulator discord = TestBots.emulator(sim)) {
            TestBots.whitelist(store, sim);
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            try {
                TestBots.awaitReady(collector);
                new Lockstep(discord, clock, progress).play(sim.events());
                collector.flushNow();
                var channelRows = store.buckets(BucketKind.CHANNEL_HOUR, guild, null, null, Buckets.ALL_TIME);
                assertThat(store.buckets(BucketKind.MEMBER_DAY, guild, null, forgetting, Buckets.ALL_TIME)).isNotEmpty();
                assertThat(topMessagers(discord, channel, sim)).contains("<@" + forgetting + ">", "<@" + purged + ">");

                // WHEN one member runs /privacy forget and the owner /privacy purge-member for the other
                PendingInteraction forget = Interactions.run(discord, channel, forgetting, "privacy",
                        Interactions.subCommand("forget", Interactions.options()));
                PendingInteraction purge = Interactions.run(discord, channel, sim.community().ownerId(), "privacy",
                        Interactions.subCommand("purge-member", Interactions.options("member", 6, Long.toUnsignedString(purged))));

                // THEN each answer is private and says what was erased
                assertThat(Interactions.answer(discord, forget).ephemeral()).isTrue();
                assertThat(Interactions.content(discord, forget)).startsWith("🗑️ Erased what ServerPulse kept about you in this server:");
                assertThat(Interactions.content(discord, purge)).startsWith("🗑️ Erased what ServerPulse kept about <@" + purged + ">");
                // ... their member rows and join/leave records are gone; the channel totals stay as they were
                for (long member : List.of(forgetting, purged)) {
                    assertThat(store.buckets(BucketKind.MEMBER_DAY, guild, null, member, Buckets.ALL_TIME)).isEmpty();
                    assertThat(store.buckets(BucketKind.MEMBER_HOUR, guild, null, member, Buckets.ALL_TIME)).isEmpty();
                    assertThat(store.memberEvents(guild, Buckets.ALL_TIME)).extracting(MemberEvent::memberId).doesNotContain(member);
                }
                assertThat(store.buckets(BucketKind.CHANNEL_HOUR, guild, null, null, Buckets.ALL_TIME)).isEqualTo(channelRows);
                // ... and neither the leaderboard nor an export shows them
                String leaderboard = topMessagers(discord, channel, sim);
                assertThat(leaderboard).contains("<@").doesNotContain(Long.toString(forgetting)).doesNotContain(Long.toString(purged));
                PendingInteraction export = Interactions.run(discord, channel, sim.community().ownerId(), "export-report",
                        Interactions.options("format", 3, "json"));
                String exported = String.join("\n", ExportFiles.texts(Interactions.followUp(discord, export).attachments()));
                assertThat(exported).contains("hourly_metrics").doesNotContain(Long.toString(forgetting))
                        .doesNotContain(Long.toString(purged));
            } finally {
                collector.shutdown();
            }
        }
    }

    /** {@code /topmessagers period:all} as the owner sees it (answered at once or finished with a chart). */
    private static String topMessagers(DiscordEmulator discord, long channel, SimulatedCommunity sim) throws Exception {
        PendingInteraction asked = Interactions.run(discord, channel, sim.community().ownerId(), "topmessagers",
                Interactions.options("period", 3, "all"));
        if (Interactions.answer(discord, asked).type() == 5) {
            StoredMessage finished = Interactions.followUp(discord, asked);
            return finished.content() + finished.embeds();
        }
        return String.valueOf(Interactions.answer(discord, asked).data());
    }
}
