package io.serverpulse.common.metrics;

/** A member's count in a leaderboard; never contains names, which Discord renders from the mention. */
public record MemberCount(long memberId, long count) {
}
