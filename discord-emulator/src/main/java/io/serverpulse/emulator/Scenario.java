package io.serverpulse.emulator;

import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.timeline.TimelineEvent;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a standalone emulator serves: its communities, the timeline it plays, and the text channels
 * the bot is meant to collect (what an operator whitelists, and what the ground truth counts).
 */
public record Scenario(String name, List<Community> communities, List<TimelineEvent> timeline, Set<Long> collectedChannelIds) {

    public Scenario {
        communities = List.copyOf(communities);
        timeline = List.copyOf(timeline);
        collectedChannelIds = Collections.unmodifiableSet(new TreeSet<>(collectedChannelIds));
    }

    /** A scenario whose every text channel is collected. */
    public Scenario(String name, List<Community> communities, List<TimelineEvent> timeline) {
        this(name, communities, timeline, textChannels(communities));
    }

    /** The collected channels of one guild, in id order. */
    public List<Long> collectedChannelIds(Community community) {
        return community.channels().stream().map(Community.Channel::id).filter(collectedChannelIds::contains).sorted().toList();
    }

    private static Set<Long> textChannels(List<Community> communities) {
        Set<Long> ids = new TreeSet<>();
        communities.forEach(c -> c.channels().stream().filter(ch -> ch.type() == ChannelType.GUILD_TEXT).forEach(ch -> ids.add(ch.id())));
        return ids;
    }
}
