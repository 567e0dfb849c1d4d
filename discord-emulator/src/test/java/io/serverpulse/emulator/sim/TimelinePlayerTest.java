package io.serverpulse.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.emulator.timeline.TimelineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelinePlayerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** A wall clock that only moves when the player sleeps. */
    private static final class FakeTicker implements TimelinePlayer.Ticker {
        long now = 5_000;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    private static TimelineEvent leave(long user, Instant at) {
        return new TimelineEvent.MemberRemove(1, user, at);
    }

    @Test
    void real_time_keeps_the_gaps_between_events_divided_by_the_speed() throws InterruptedException {
        // GIVEN events 0 s, 10 s and 70 s into the timeline, played 10 times faster
        FakeTicker ticker = new FakeTicker();
        TimelinePlayer player = new TimelinePlayer(10, T0, ticker);
        List<TimelineEvent> events = List.of(leave(1, T0), leave(2, T0.plusSeconds(10)), leave(3, T0.plusSeconds(70)));
        List<Instant> clockSeen = new ArrayList<>();

        // WHEN played
        int played = player.play(events, e -> clockSeen.add(player.clock().instant()));

        // THEN it waited 1 s and then 6 s, and the clock showed each event's time while it was delivered
        assertThat(played).isEqualTo(3);
        assertThat(ticker.sleeps).containsExactly(1_000_000_000L, 6_000_000_000L);
        assertThat(clockSeen).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(70));
    }

    @Test
    void as_fast_as_possible_never_waits_and_a_slow_sink_just_slows_it_down() throws InterruptedException {
        // GIVEN a week-long gap between two events
        FakeTicker ticker = new FakeTicker();
        TimelinePlayer player = new TimelinePlayer(Double.POSITIVE_INFINITY, T0, ticker);
        List<TimelineEvent> events = List.of(leave(1, T0), leave(2, T0.plusSeconds(7 * 86_400)));
        List<TimelineEvent> seen = new ArrayList<>();

        // WHEN played into a sink that takes its time (the back-pressure of a busy bot)
        player.play(events, e -> {
            ticker.now += 50_000_000;
            seen.add(e);
        });

        // THEN nothing waited, every event arrived in order, and the clock is at the last event
        assertThat(ticker.sleeps).isEmpty();
        assertThat(seen).isEqualTo(events);
        assertThat(player.clock().instant()).isEqualTo(T0.plusSeconds(7 * 86_400));
    }

    @Test
    void stop_ends_the_replay_after_the_event_in_hand() throws InterruptedException {
        // GIVEN the small scenario and a sink that stops the player at the tenth event
        SimulatedCommunity small = Scenarios.small(4);
        TimelinePlayer player = TimelinePlayer.asFastAsPossible(small.start());
        List<TimelineEvent> seen = new ArrayList<>();

        // WHEN played
        int played = player.play(small.events(), e -> {
            seen.add(e);
            if (seen.size() == 10) {
                player.stop();
            }
        });

        // THEN exactly ten events were delivered
        assertThat(played).isEqualTo(10);
        assertThat(seen).isEqualTo(small.events().subList(0, 10));
    }
}
