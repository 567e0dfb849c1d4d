package io.serverpulse.common.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * A member's opt-out in one guild ({@code /privacy opt-out}): from then on they are not counted there
 * and do not appear in leaderboards or exports. Stored on its own (never in the guild's settings),
 * keyed by guild and member, holding nothing else: it is the only record kept of that member from
 * then on. It does not expire; {@code /privacy opt-in} removes it.
 */
public record MemberOptOut(long guildId, long memberId, Instant since) {

    public MemberOptOut {
        if (guildId <= 0 || memberId <= 0) {
            throw new IllegalArgumentException("guild and member must be snowflakes: " + guildId + ", " + memberId);
        }
        Objects.requireNonNull(since, "since");
    }
}
