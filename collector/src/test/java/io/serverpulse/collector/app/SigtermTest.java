package io.serverpulse.collector.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a real process ({@code Main}, configured through the environment), stopped with
 * SIGTERM: with {@code FLUSH_SECONDS=3600} nothing is written before the signal, so everything in
 * the database after the exit was written by the final flush of the shutdown hook.
 */
class SigtermTest {

    @TempDir
    Path dir;

    @Test
    void sigtermFlushesTheLastCountersThenExits() throws Exception {
        SimulatedCommunity sim = Scenarios.small(51);
        long guildId = sim.community().guildId();
        // messages only: they carry their own time (the snowflake), so a free-running process counts them exactly
        List<TimelineEvent> messages = sim.events().stream().filter(e -> e instanceof TimelineEvent.MessageCreate).toList();
        GroundTruth truth = GroundTruth.compute(sim.communities(), messages, sim.collectedChannelIds(), false);
        Path data = dir.resolve("data");
        try (SqliteStore store = SqliteStore.open(data)) {
            TestBots.whitelist(store, sim);
        }
        int exit;
        try (DiscordEmulator discord = TestBots.emulator(sim)) {
            // GIVEN the bot running as its own process, flushing only once an hour
            // the production logging configuration (INFO), not the tests' (warnings only)
            String logging = "-Dlogback.configurationFile=" + Main.class.getResource("/logback.xml");
            ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    logging, "-cp", System.getProperty("java.class.path"), Main.class.getName())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("bot.log").toFile());
            command.environment().putAll(Map.of(
                    ServerPulseConfig.DISCORD_TOKEN, discord.token(),
                    ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl(),
                    ServerPulseConfig.DATA_DIR, data.toString(),
                    ServerPulseConfig.FLUSH_SECONDS, "3600"));
            command.environment().remove(ServerPulseConfig.MONGODB_URI);
            Process bot = command.start();
            try {
                discord.awaitSessions(1, Duration.ofSeconds(60));
                TestBots.awaitCommandsRegistered(discord);

                // WHEN members post messages, a member's slash command is answered (so every message
                // before it was handled), and the process gets SIGTERM
                discord.play(messages).awaitCompletion(Duration.ofSeconds(60));
                PendingInteraction sentinel = discord.slashCommand(sim.collectedChannelIds().iterator().next(),
                        sim.community().ownerId(), "topmessagers", Map.of());
                TestBots.awaitAnswer(discord, sentinel.id());
                bot.destroy();

                // THEN it exits after its shutdown hook ran
                assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
                exit = bot.exitValue();
            } finally {
                bot.destroyForcibly();
            }
        }
        String log = Files.readString(dir.resolve("bot.log"), StandardCharsets.UTF_8);
        assertThat(exit).as(log).isEqualTo(143);
        assertThat(log).contains("Shutting down the collector").contains("Metric flusher closed");
        // and the database holds every message, written by that last flush
        try (SqliteStore store = SqliteStore.open(data)) {
            assertThat(Buckets.differences(Buckets.stored(store, guildId), Buckets.ofGuild(truth.buckets(), guildId))).isEmpty();
            assertThat(Buckets.stored(store, guildId)).isNotEmpty();
        }
    }
}
