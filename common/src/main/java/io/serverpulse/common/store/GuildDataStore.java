package io.serverpulse.common.store;

import java.time.Instant;

/** Whole-guild operations: export (GDPR access), erasure, and the retention sweep. */
public interface GuildDataStore {

    /** Hands every stored row of the guild, and only of that guild, to the visitor. */
    void exportGuild(long guildId, GuildDataVisitor visitor);

    /** Deletes everything stored for the guild (settings included). Returns the number of rows deleted. */
    long eraseGuild(long guildId);

    /**
     * Deletes a member's rows in a guild: member buckets, member events, and the guild's cached
     * leaderboards that list the member (they are recomputed on the next request, without them).
     * Channel totals stay: they hold no member id. Returns the number of rows deleted.
     */
    long eraseMember(long guildId, long memberId);

    /**
     * Deletes every row whose {@code expire_at} is at or before {@code now}, in all guilds. MongoDB's
     * TTL indexes do the same in the background; this sweep is what SQLite relies on and what makes
     * retention exact in both. Returns the number of rows deleted.
     */
    long sweepExpired(Instant now);
}
