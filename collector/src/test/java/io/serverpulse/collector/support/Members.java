package io.serverpulse.collector.support;

import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.emulator.timeline.TimelineEvent.MemberRemove;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageCreate;
import io.serverpulse.emulator.timeline.TimelineEvent.VoiceStateUpdate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Members of a simulation chosen for what they do in it. */
public final class Members {

    private Members() {
    }

    /**
     * The human members who post in collected channels both before and after {@code split}, are not
     * in voice at {@code split}, never leave and are not the owner, the most active first.
     */
    public static List<Long> activeAround(SimulatedCommunity sim, int split) {
        List<TimelineEvent> events = sim.events();
        Map<Long, Integer> before = new HashMap<>();
        Map<Long, Integer> after = new HashMap<>();
        Set<Long> inVoiceAtSplit = new HashSet<>();
        Set<Long> left = new HashSet<>();
        Map<Long, Long> voice = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            TimelineEvent event = events.get(i);
            if (i == split) {
                voice.forEach((member, channel) -> {
                    if (channel != null) {
                        inVoiceAtSplit.add(member);
                    }
                });
            }
            if (event instanceof MessageCreate m && !m.bot() && sim.collectedChannelIds().contains(m.channelId())) {
                (i < split ? before : after).merge(m.authorId(), 1, Integer::sum);
            } else if (event instanceof VoiceStateUpdate v) {
                voice.put(v.userId(), v.channelId());
            } else if (event instanceof MemberRemove r) {
                left.add(r.userId());
            }
        }
        return before.keySet().stream()
                .filter(after::containsKey)
                .filter(member -> !inVoiceAtSplit.contains(member) && !left.contains(member))
                .filter(member -> member != sim.community().ownerId())
                .sorted((a, b) -> Integer.compare(before.get(b) + after.get(b), before.get(a) + after.get(a)))
                .toList();
    }

    /** An index near the middle whose event is strictly later than the one before it. */
    public static int splitNearMiddle(SimulatedCommunity sim) {
        List<TimelineEvent> events = sim.events();
        int split = events.size() / 2;
        while (!events.get(split).at().isAfter(events.get(split - 1).at())) {
            split++;
        }
        return split;
    }
}
