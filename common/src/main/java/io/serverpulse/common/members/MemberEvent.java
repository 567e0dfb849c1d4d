package io.serverpulse.common.members;

import java.time.Instant;
import java.util.Objects;

/** A member joining or leaving a guild. Recording the same event twice stores it once. */
public record MemberEvent(long guildId, long memberId, Kind kind, Instant at) {

    public enum Kind {
        JOIN,
        LEAVE
    }

    public MemberEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }

    /** Deterministic id: the same join seen twice (a gateway replay) is one event. */
    public String id() {
        return guildId + ":" + memberId + ":" + kind.name() + ":" + at.toEpochMilli();
    }
}
