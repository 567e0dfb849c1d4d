package io.serverpulse.common.metrics;

import java.util.Comparator;

/** A member's count in a leaderboard; never contains names, which Discord renders from the mention. */
public record MemberCount(long memberId, long count) {

    /** A leaderboard's order: highest count first, ties by member id ascending (as both stores rank). */
    public static final Comparator<MemberCount> RANKING =
            Comparator.comparingLong(MemberCount::count).reversed().thenComparingLong(MemberCount::memberId);
}
