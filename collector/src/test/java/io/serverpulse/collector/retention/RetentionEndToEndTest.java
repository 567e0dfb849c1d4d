package io.serverpulse.collector.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Interactions;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /set-retention} through the emulator and JDA: the stored rows carry the default expiry
 * before, the new one after (the collector re-stamps them in the background), and the sweep then
 * deletes what the new retention no longer keeps.
 */
class RetentionEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void rowsCarryTheExpiryOfTheRetentionInForceBeforeAndAfterSetRetention() throws Exception {
        // GIVEN a small guild's activity played through the gateway into SQLite, under the default 90 days
        SimulatedCommunity sim = Scenarios.small(7);
        SimulatedClock clock = new SimulatedClock(sim.start());
        GatewayProgress progress = new GatewayProgress();
        long guild = sim.community().guildId();
        long channel = sim.collectedChannelIds().iterator().next();
        try (DiscordEmulator discord = TestBots.emulator(sim); SqliteStore store = SqliteStore.open(dir)) {
            TestBots.whitelist(store, sim);
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            try {
                TestBots.awaitReady(collector);
                new Lockstep(discord, clock, progress).play(sim.events());
                collector.flushNow();
                List<long[]> before = expiries(BucketKind.CHANNEL_HOUR.collection());
                assertThat(before).isNotEmpty().allSatisfy(row -> assertThat(row[1] - row[0]).isEqualTo(Duration.ofDays(90).toMillis()));

                // WHEN the owner runs /set-retention metrics:7, and the collector has re-stamped the guild's rows
                PendingInteraction asked = Interactions.run(discord, channel, sim.community().ownerId(), "set-retention",
                        Interactions.options("metrics", 4, 7));
                assertThat(Interactions.content(discord, asked)).startsWith("✅ This server’s data is now kept for: metrics 7 days");
                awaitRestamped(collector);

                // THEN every channel-hour, member-day and member event row expires 7 days after its time
                assertThat(store.retentionPolicy().inForce(store.findSettings(guild))).isEqualTo(new Retention(7, 30, 180));
                for (String table : List.of("hourly_metrics", "user_daily", "emoji_daily")) {
                    assertThat(expiries(table)).as(table).hasSizeGreaterThan(0)
                            .allSatisfy(row -> assertThat(row[1] - row[0]).isEqualTo(Duration.ofDays(7).toMillis()));
                }
                assertThat(expiries("member_events", "at")).allSatisfy(row -> assertThat(row[1] - row[0])
                        .isEqualTo(Duration.ofDays(7).toMillis()));
                // ... and the sweep 8 days after the activity's end deletes all of it
                clock.advanceTo(sim.end().plus(Duration.ofDays(8)));
                long swept = collector.retention().sweepNow();
                assertThat(swept).isGreaterThan(before.size());
                assertThat(Buckets.stored(store, guild)).isEmpty();
                assertThat(store.memberEvents(guild, Buckets.ALL_TIME)).isEmpty();
            } finally {
                collector.shutdown();
            }
        }
    }

    private void awaitRestamped(Collector collector) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (collector.retention().rowsRestamped() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(collector.retention().idle()).isTrue();
        assertThat(collector.retention().rowsRestamped()).isPositive();
    }

    private List<long[]> expiries(String table) throws Exception {
        return expiries(table, "start");
    }

    /** (anchor, expire_at) of every row of the table, read straight from the file. */
    private List<long[]> expiries(String table, String anchor) throws Exception {
        List<long[]> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + anchor + ", expire_at FROM " + table)) {
            while (result.next()) {
                rows.add(new long[] {result.getLong(1), result.getLong(2)});
            }
        }
        return rows;
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
