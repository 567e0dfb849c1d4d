package io.serverpulse.collector.support;

import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.gateway.GatewaySession;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.timeline.TimelineEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Plays a timeline into the emulator one event at a time: the simulated clock moves to the event's
 * time, the emulator dispatches it, and the next event waits until every collector shard that owns
 * the event's guild has handled it. So while the collector handles an event, "now" is exactly the
 * event's time, as it is for a bot receiving events live; and a run is deterministic.
 */
public final class Lockstep {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private final DiscordEmulator emulator;
    private final SimulatedClock clock;
    private final GatewayProgress progress;

    private final boolean connectedOnly;

    public Lockstep(DiscordEmulator emulator, SimulatedClock clock, GatewayProgress progress) {
        this(emulator, clock, progress, false);
    }

    private Lockstep(DiscordEmulator emulator, SimulatedClock clock, GatewayProgress progress, boolean connectedOnly) {
        this.emulator = emulator;
        this.clock = clock;
        this.progress = progress;
        this.connectedOnly = connectedOnly;
    }

    /**
     * A lockstep that waits for connected sessions only: for a second collector after the first one
     * shut down, whose session the emulator keeps (resumable) for a while.
     */
    public static Lockstep ofConnectedSessions(DiscordEmulator emulator, SimulatedClock clock, GatewayProgress progress) {
        return new Lockstep(emulator, clock, progress, true);
    }

    public void play(List<TimelineEvent> events) throws InterruptedException {
        play(events, i -> { });
    }

    /** Plays every event; {@code before} is called with each event's index before it is played (to inject faults). */
    public void play(List<TimelineEvent> events, IntConsumer before) throws InterruptedException {
        for (int i = 0; i < events.size(); i++) {
            before.accept(i);
            play(events.get(i));
        }
    }

    public void play(TimelineEvent event) throws InterruptedException {
        clock.advanceTo(event.at());
        emulator.apply(event);
        for (GatewaySession session : emulator.sessions()) {
            if (session.owns(event.guildId()) && (!connectedOnly || session.connected())) {
                progress.await(session.shardId(), session.sequence(), WAIT);
            }
        }
    }
}
