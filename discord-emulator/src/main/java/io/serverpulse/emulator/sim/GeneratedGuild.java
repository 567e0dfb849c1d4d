package io.serverpulse.emulator.sim;

import io.serverpulse.emulator.model.Community;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A generated guild and the text channels the bot is meant to collect in it (in id order). */
public record GeneratedGuild(Community community, Set<Long> collectedChannelIds) {

    public GeneratedGuild {
        Objects.requireNonNull(community, "community");
        collectedChannelIds = Collections.unmodifiableSet(new TreeSet<>(collectedChannelIds));
    }
}
