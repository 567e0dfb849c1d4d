package io.serverpulse.emulator.state;

import java.time.Instant;
import java.util.List;

/** A user's membership of a guild. */
public record MemberRecord(long userId, Instant joinedAt, List<Long> roleIds) {

    public MemberRecord {
        roleIds = List.copyOf(roleIds);
    }
}
