package io.serverpulse.collector.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Interactions;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.Members;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /privacy opt-out} half-way through a simulated day, through the emulator and JDA into
 * SQLite: what is stored equals the ground truth computed without the member's later events, the
 * member's earlier counts stay stored, and {@code /topmessagers} no longer shows them.
 */
class OptOutEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void theMembersEventsAfterTheOptOutAreNotCounted() throws Exception {
        // GIVEN a small guild's timeline, and an active member who posts before and after its middle
        SimulatedCommunity sim = Scenarios.small(23);
        long guild = sim.community().guildId();
        long channel = sim.collectedChannelIds().iterator().next();
        int split = Members.splitNearMiddle(sim);
        long member = Members.activeAround(sim, split).get(0);
        SimulatedClock clock = new SimulatedClock(sim.start());
        GatewayProgress progress = new GatewayProgress();
        try (DiscordEmulator discord = TestBots.emulator(sim); SqliteStore store = SqliteStore.open(dir)) {
            TestBots.whitelist(store, sim);
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(collector);
            Lockstep lockstep = new Lockstep(discord, clock, progress);

            // WHEN the first half is played, the member opts out, and the second half is played
            lockstep.play(sim.events().subList(0, split));
            PendingInteraction optOut = Interactions.run(discord, channel, member, "privacy",
                    Interactions.subCommand("opt-out", Interactions.options()));
            lockstep.play(sim.events().subList(split, sim.events().size()));
            clock.advanceTo(sim.end());
            assertThat(collector.shutdown().complete()).isTrue();

            // THEN the answer was private, and every stored bucket equals the truth without the member's later events
            assertThat(Interactions.answer(discord, optOut).ephemeral()).isTrue();
            assertThat(Interactions.content(discord, optOut)).startsWith("🔕 You are opted out in this server.");
            GroundTruth truth = sim.groundTruth(List.of(new GroundTruth.OptOut(guild, member, sim.events().get(split).at())));
            assertThat(Buckets.differences(Buckets.stored(store, guild), Buckets.ofGuild(truth.buckets(), guild))).isEmpty();
            // ... which differs from the full truth: the member's later messages really were left out
            assertThat(Buckets.differences(Buckets.stored(store, guild), Buckets.ofGuild(sim.groundTruth().buckets(), guild)))
                    .isNotEmpty();
            // ... their counts from before stay stored, but the leaderboard leaves them out
            assertThat(store.buckets(BucketKind.MEMBER_DAY, guild, BucketKey.ALL_CHANNELS, member, Buckets.ALL_TIME)).isNotEmpty();
            LeaderboardQuery all = LeaderboardQuery.messages(guild, BucketKey.ALL_CHANNELS, Period.ALL_TIME, sim.end(),
                    LeaderboardQuery.MAX_LIMIT);
            assertThat(store.topMembers(all)).anySatisfy(entry -> assertThat(entry.memberId()).isEqualTo(member));
            assertThat(io.serverpulse.common.privacy.VisibleMembers.topMembers(store, all))
                    .noneSatisfy(entry -> assertThat(entry.memberId()).isEqualTo(member));
            long stored = store.buckets(BucketKind.MEMBER_DAY, guild, BucketKey.ALL_CHANNELS, member, Buckets.ALL_TIME).stream()
                    .mapToLong(row -> row.get(Counter.MESSAGES)).sum();
            long everything = sim.groundTruth().buckets().entrySet().stream()
                    .filter(e -> e.getKey().kind() == BucketKind.MEMBER_DAY && e.getKey().guildId() == guild
                            && e.getKey().channelId() == BucketKey.ALL_CHANNELS && e.getKey().memberId() == member)
                    .mapToLong(e -> e.getValue().getOrDefault(Counter.MESSAGES, 0L)).sum();
            assertThat(stored).isPositive().isLessThan(everything);
        }
    }
}
