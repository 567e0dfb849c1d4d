package io.serverpulse.common.quota;

import java.time.Instant;

/**
 * Counters of uses in fixed time windows, kept in the store so that every process and Lambda instance sees the
 * same count: what limits {@code /askpulse} per member and per guild. A counter is named by guild, member ({@code 0}
 * for a guild-wide counter), a counter name and the start of its window; it is erased with the guild (a member's
 * with the member) and deleted once its {@code expireAt} passed. Counters are bookkeeping, not exported.
 */
public interface UsageCounterStore {

    /**
     * Adds {@code delta} (may be negative, to give a use back) to the counter, creating it at 0 first, atomically
     * (of many adds at once, through one store or several on one database, none is lost), and returns its value
     * after the add.
     *
     * @param expireAt when the counter may be deleted (at or after its window's end); kept from its creation
     */
    long addUse(long guildId, long memberId, String counter, Instant windowStart, Instant expireAt, long delta);
}
