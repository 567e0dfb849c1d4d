package io.serverpulse.emulator.sim;

import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.timeline.TimelineEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A simulated world: one guild or several, the timeline of what happens in them, the incidents
 * injected into it, and the text channels the bot should collect. This is what a test hands to the
 * emulator (communities for GUILD_CREATE, events to play) and to {@link GroundTruth}.
 *
 * @param communities the guilds as they are at {@code start}
 * @param collectedChannelIds the text channels the bot is configured to collect (in id order)
 * @param events every event, in time order
 * @param incidents the incidents that really happened, in start order
 * @param start the first instant of the timeline
 * @param end the end of the timeline: no event is after it (generated timelines keep every event
 *        strictly before it), and {@link GroundTruth} counts a voice session still open up to it
 */
public record SimulatedCommunity(List<Community> communities, Set<Long> collectedChannelIds, List<TimelineEvent> events,
                                 List<Incident> incidents, Instant start, Instant end) {

    public SimulatedCommunity {
        communities = List.copyOf(communities);
        collectedChannelIds = Collections.unmodifiableSet(new TreeSet<>(collectedChannelIds));
        events = List.copyOf(events);
        incidents = List.copyOf(incidents);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("timeline ends before it starts: " + start + " .. " + end);
        }
        Instant previous = start;
        for (int i = 0; i < events.size(); i++) {
            Instant at = events.get(i).at();
            if (at.isBefore(previous)) {
                throw new IllegalArgumentException("event " + i + " at " + at + " is before " + previous
                        + " (events must be in time order, from the start)");
            }
            previous = at;
        }
        if (previous.isAfter(end)) {
            throw new IllegalArgumentException("the last event (" + previous + ") is after the end " + end);
        }
    }

    /** The only guild; throws if there are several or none. */
    public Community community() {
        if (communities.size() != 1) {
            throw new IllegalStateException("this simulation has " + communities.size() + " guilds, not one");
        }
        return communities.get(0);
    }

    /** The incidents of one type. */
    public List<Incident> incidents(AlertType type) {
        return incidents.stream().filter(i -> i.type() == type).toList();
    }

    /** The ground truth with bots' messages and reactions excluded (the bot's default). */
    public GroundTruth groundTruth() {
        return groundTruth(false);
    }

    public GroundTruth groundTruth(boolean countBots) {
        return GroundTruth.compute(communities, events, collectedChannelIds, countBots, end, incidents);
    }

    /**
     * The ground truth with sentiment counts for the messages of {@code sentimentGuilds} (guilds that
     * opted in, with the bot reading message content); see {@link GroundTruth}.
     */
    public GroundTruth groundTruth(boolean countBots, Set<Long> sentimentGuilds) {
        return GroundTruth.compute(communities, events, collectedChannelIds, countBots, end, incidents, sentimentGuilds);
    }

    /** The ground truth without what the members of {@code optOuts} did after opting out (bots not counted). */
    public GroundTruth groundTruth(List<GroundTruth.OptOut> optOuts) {
        return GroundTruth.compute(communities, events, collectedChannelIds, false, end, incidents, Set.of(), optOuts);
    }
}
