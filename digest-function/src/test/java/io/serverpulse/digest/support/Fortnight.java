package io.serverpulse.digest.support;

import io.serverpulse.emulator.sim.CommunitySpec;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.sim.TimelineGenerator;
import java.time.Duration;
import java.time.Instant;

/**
 * Two simulated weeks (Monday 23 February – Sunday 8 March 2026) of two guilds: the emulator's week scenario (a
 * 1,500-member guild with a raid, a mass deletion, an activity drop and a voice surge in the second week) and a
 * smaller guild five hours behind UTC.
 */
public final class Fortnight {

    public static final Instant START = Instant.parse("2026-02-23T00:00:00Z");

    private Fortnight() {
    }

    public static SimulatedCommunity of(int events) {
        return TimelineGenerator.generate(Scenarios.weekSpec(11, events)
                .start(START).duration(Duration.ofDays(14))
                .guild(new CommunitySpec("Night Owls", 300, 2, 6, 4, 2, 4, -5, 0.4))
                .build());
    }
}
