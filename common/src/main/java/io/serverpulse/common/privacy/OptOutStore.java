package io.serverpulse.common.privacy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Members' opt-outs, one per guild and member ({@link MemberOptOut}). */
public interface OptOutStore {

    /** Records the opt-out; false (and the first one kept) if the member had already opted out in that guild. */
    boolean optOut(MemberOptOut optOut);

    /** Removes the member's opt-out in the guild; false if there was none. */
    boolean optIn(long guildId, long memberId);

    /** The member's opt-out in the guild, if any. */
    Optional<MemberOptOut> optOut(long guildId, long memberId);

    /** The members of the guild who opted out. */
    Set<Long> optedOut(long guildId);

    /** Every opt-out of every guild (small: one row per member who opted out), for the collector's cache. */
    List<MemberOptOut> allOptOuts();
}
