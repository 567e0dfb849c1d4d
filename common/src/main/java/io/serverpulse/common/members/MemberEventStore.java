package io.serverpulse.common.members;

import io.serverpulse.common.metrics.TimeWindow;
import java.util.List;

/** Individual joins and leaves (for raid forensics and exports); idempotent by {@link MemberEvent#id()}. */
public interface MemberEventStore {

    void recordMemberEvents(List<MemberEvent> events);

    /** A guild's events in the window, oldest first. */
    List<MemberEvent> memberEvents(long guildId, TimeWindow window);
}
