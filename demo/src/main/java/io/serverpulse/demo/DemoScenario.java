package io.serverpulse.demo;

import io.serverpulse.emulator.sim.CommunitySpec;
import io.serverpulse.emulator.sim.IncidentSpec;
import io.serverpulse.emulator.sim.ScenarioSpec;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.sim.TimelineGenerator;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo's server: 40 members (2 of them bots), 4 text channels of which 3 are counted, 2 voice
 * channels, over two days (Monday and Tuesday, 2 March 2026, UTC) with 1,000 gateway events. Monday
 * is ordinary: it is the history alerts compare with. Tuesday has one incident of each kind: a raid
 * of 12 joins at 10:20, a mass deletion (4 single deletes and a bulk delete of 6) at 15:40, activity
 * down 90 % from 19:00 to 20:00 (the busiest hour of Monday evening, so that the drop is measured
 * against a usual count above the rule's threshold), and 6 members in voice at 22:05.
 */
public final class DemoScenario {

    public static final long SEED = 7;
    public static final int EVENTS = 1_000;
    public static final Instant START = ScenarioSpec.DEFAULT_START;

    private DemoScenario() {
    }

    public static SimulatedCommunity build() {
        return TimelineGenerator.generate(ScenarioSpec.builder(SEED)
                .start(START)
                .duration(Duration.ofDays(2))
                .targetEvents(EVENTS)
                .guild(new CommunitySpec(null, 40, 2, 4, 3, 2, 3, 0, 1.0))
                .incident(new IncidentSpec.JoinRaid(0, tuesday(10, 20), 12))
                .incident(new IncidentSpec.MassDeletion(0, tuesday(15, 40), 4, 6))
                .incident(new IncidentSpec.ActivityDrop(0, tuesday(19, 0), 1, 90))
                .incident(new IncidentSpec.VoiceSurge(0, tuesday(22, 5), 6))
                .build());
    }

    private static Instant tuesday(int hour, int minute) {
        return START.plus(Duration.ofDays(1)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }
}
