package io.serverpulse.emulator.sim;

import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.timeline.TimelineEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which users of a timeline are bots: as listed by a community, as they joined, or as they posted. */
final class Bots {

    private Bots() {
    }

    static Set<Long> ids(List<Community> communities, List<TimelineEvent> events) {
        Set<Long> bots = new HashSet<>();
        for (Community community : communities) {
            community.members().stream().filter(Community.Member::bot).forEach(m -> bots.add(m.userId()));
        }
        for (TimelineEvent event : events) {
            if (event instanceof TimelineEvent.MemberAdd add && add.bot()) {
                bots.add(add.userId());
            } else if (event instanceof TimelineEvent.MessageCreate message && message.bot()) {
                bots.add(message.authorId());
            }
        }
        return bots;
    }
}
