package io.serverpulse.common.privacy;

/**
 * What erasing a member's data in a guild deleted ({@code /privacy forget}, {@code /privacy
 * purge-member}): rows keyed by the member. Channel and guild totals hold no member id and stay.
 */
public record MemberErasure(long memberHourRows, long memberDayRows, long memberEvents, long cachedLeaderboards) {

    public long total() {
        return memberHourRows + memberDayRows + memberEvents + cachedLeaderboards;
    }
}
