package io.serverpulse.collector.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.support.TestBots;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.gateway.GatewaySession;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.Test;

/**
 * Real JDA against the emulator: a dropped connection that RESUMEs loses nothing, a session the
 * gateway invalidates (as in a Discord outage) leaves a lost stretch that activity-drop checks skip.
 */
class GatewayGapsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** A clock that stands still, or, during an outage, moves 10 minutes on at every reading. */
    private static final class OutageClock extends Clock {
        private final AtomicLong minutes = new AtomicLong();
        private final AtomicBoolean outage = new AtomicBoolean();

        @Override
        public Instant instant() {
            return T0.plus(Duration.ofMinutes(outage.get() ? minutes.addAndGet(10) : minutes.get()));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** The session events JDA fired, by class name. */
    private static final class SessionEvents extends net.dv8tion.jda.api.hooks.ListenerAdapter {
        final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void onGenericSession(net.dv8tion.jda.api.events.session.GenericSessionEvent event) {
            seen.add(event.getClass().getSimpleName());
        }
    }

    private final SessionEvents sessionEvents = new SessionEvents();
    private final SimulatedCommunity sim = Scenarios.small(11);
    private final OutageClock clock = new OutageClock();
    private final GatewayGaps gaps = new GatewayGaps(clock);

    @Test
    void aResumedConnectionLosesNothingAndAnInvalidatedSessionLeavesALostStretch() throws Exception {
        try (DiscordEmulator discord = TestBots.emulator(sim)) {
            ShardManager shards = Gateway.connect(new GatewayOptions(discord.token(), Optional.empty(), discord.restBaseUrl(),
                    Optional.of(discord.gatewayUrl())), List.of(gaps, sessionEvents));
            try {
                await(() -> connected(shards));

                // GIVEN a connected bot WHEN its connection drops without a close frame and it resumes
                GatewaySession first = discord.sessions().get(0);
                discord.forceDisconnect(first);
                await(() -> sessionEvents.seen.contains("SessionResumeEvent"));
                await(() -> connected(shards) && gaps.awaySince().isEmpty());
                assertThat(sessionEvents.seen).contains("SessionDisconnectEvent", "SessionResumeEvent");

                // THEN nothing was lost
                assertThat(gaps.lostIn(Instant.MIN, Instant.MAX)).isEmpty();

                // WHEN the gateway invalidates the session (not resumable) while time runs on
                clock.outage.set(true);
                discord.invalidateSession(discord.sessions().stream().filter(GatewaySession::connected).findFirst().orElseThrow(),
                        false);
                await(() -> sessionEvents.seen.contains("SessionRecreateEvent"));
                await(() -> connected(shards) && gaps.awaySince().isEmpty()
                        && gaps.lostIn(Instant.MIN, Instant.MAX).isPresent());

                // THEN the stretch between the drop and the new session is known as lost
                GatewayGaps.Gap gap = gaps.lostIn(Instant.MIN, Instant.MAX).orElseThrow();
                assertThat(Duration.between(gap.from(), gap.to())).isGreaterThanOrEqualTo(GatewayGaps.NEGLIGIBLE);
                assertThat(gaps.lostIn(gap.to(), gap.to().plusSeconds(3_600))).isEmpty();
            } finally {
                shards.shutdown();
            }
        }
    }

    private static boolean connected(ShardManager shards) {
        return !shards.getShards().isEmpty() && shards.getShards().stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
