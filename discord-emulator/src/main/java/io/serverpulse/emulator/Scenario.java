package io.serverpulse.emulator;

import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.timeline.TimelineEvent;

import java.util.List;

/** What a standalone emulator serves: its communities and the timeline it plays. */
public record Scenario(String name, List<Community> communities, List<TimelineEvent> timeline) {

    public Scenario {
        communities = List.copyOf(communities);
        timeline = List.copyOf(timeline);
    }
}
