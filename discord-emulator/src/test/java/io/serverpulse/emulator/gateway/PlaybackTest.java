package io.serverpulse.emulator.gateway;

import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.support.TestCommunities;
import io.serverpulse.emulator.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybackTest {

    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

    private static List<TimelineEvent> aWeekOfMessages(TestCommunities.Ids ids, int count) {
        List<TimelineEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = T0.plus(Duration.ofDays(7).multipliedBy(i).dividedBy(count));
            events.add(new TimelineEvent.MessageCreate(ids.guildId(), ids.generalId(), Snowflake.of(at, 1), ids.ownerId(), false, "m", at));
        }
        return events;
    }

    @Test
    void unpacedPlaybackReplaysAWeekAndMovesSimulatedTime() throws InterruptedException {
        // GIVEN a week of messages and no client connected
        TestCommunities.Ids ids = TestCommunities.ids(1, 1);
        try (DiscordEmulator emulator = DiscordEmulator.builder(List.of(TestCommunities.community(ids))).start()) {
            List<TimelineEvent> week = aWeekOfMessages(ids, 2000);

            // WHEN played as fast as possible
            Playback playback = emulator.play(week);

            // THEN it finishes, every event is stored, and simulated "now" is at the end of the week
            assertThat(playback.awaitCompletion(Duration.ofSeconds(30))).isTrue();
            assertThat(playback.failure()).isEmpty();
            assertThat(playback.played()).isEqualTo(2000);
            assertThat(emulator.state().channelMessages(ids.generalId(), 100)).hasSize(100);
            assertThat(emulator.state().clock().now()).isAfterOrEqualTo(week.get(week.size() - 1).at());
        }
    }

    @Test
    void pacedPlaybackWaitsForSimulatedTime() throws InterruptedException {
        // GIVEN two events one simulated minute apart, played in real time
        TestCommunities.Ids ids = TestCommunities.ids(1, 1);
        try (DiscordEmulator emulator = DiscordEmulator.builder(List.of(TestCommunities.community(ids))).start()) {
            List<TimelineEvent> events = List.of(
                    new TimelineEvent.MessageCreate(ids.guildId(), ids.generalId(), Snowflake.of(T0, 1), ids.ownerId(), false, "a", T0),
                    new TimelineEvent.MessageCreate(ids.guildId(), ids.generalId(), Snowflake.of(T0.plusSeconds(60), 1), ids.ownerId(),
                            false, "b", T0.plusSeconds(60)));
            Playback playback = emulator.play(events, PlaybackSpeed.REAL_TIME);

            // THEN the first plays at once and the second not before its minute is up
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (playback.played() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(playback.played()).isEqualTo(1);
            assertThat(playback.awaitCompletion(Duration.ofMillis(300))).isFalse();
            playback.cancel();
            assertThat(playback.awaitCompletion(Duration.ofSeconds(30))).isTrue();
            assertThat(playback.played()).isEqualTo(1);
        }
    }

    @Test
    void anEventForAnUnknownChannelStopsPlaybackWithAClearReason() throws InterruptedException {
        TestCommunities.Ids ids = TestCommunities.ids(1, 1);
        try (DiscordEmulator emulator = DiscordEmulator.builder(List.of(TestCommunities.community(ids))).start()) {
            Playback playback = emulator.play(List.of(
                    new TimelineEvent.MessageCreate(ids.guildId(), 123, Snowflake.of(T0, 1), ids.ownerId(), false, "x", T0)));
            assertThat(playback.awaitCompletion(Duration.ofSeconds(30))).isTrue();
            assertThat(playback.failure()).get().extracting(Throwable::getMessage).asString().contains("unknown channel 123");
        }
    }
}
