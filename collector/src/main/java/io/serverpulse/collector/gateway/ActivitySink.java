package io.serverpulse.collector.gateway;

import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.ActivityEvent;
import java.time.Instant;

/** Where the recorder hands what it saw: counting, real-time detection, and the member event log. */
public interface ActivitySink {

    /** One metadata-only event: counted by the aggregator and watched by the alert detector. */
    void record(ActivityEvent event);

    /** How many members are in the guild's voice channels after a voice change. */
    void voicePresence(long guildId, int membersInVoice, Instant at);

    /** A join or leave for the {@code member_events} log. */
    void memberEvent(MemberEvent event);
}
