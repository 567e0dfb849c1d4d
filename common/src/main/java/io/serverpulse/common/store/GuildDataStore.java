package io.serverpulse.common.store;

import io.serverpulse.common.privacy.MemberErasure;
import io.serverpulse.common.retention.RestampStep;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.settings.Retention;
import java.time.Instant;

/** Whole-guild operations: export (GDPR access), erasure, retention (the sweep and re-stamping). */
public interface GuildDataStore {

    /** Hands every stored row of the guild (opt-outs included), and only of that guild, to the visitor. */
    void exportGuild(long guildId, GuildDataVisitor visitor);

    /** Deletes everything stored for the guild (settings and opt-outs included). Returns the number of rows deleted. */
    long eraseGuild(long guildId);

    /**
     * Deletes a member's rows in a guild: member buckets, member events, and the guild's cached
     * leaderboards that list the member (they are recomputed on the next request, without them).
     * Channel totals stay: they hold no member id. The member's opt-out stays too: it is their
     * instruction not to be counted. Returns what was deleted.
     */
    MemberErasure eraseMember(long guildId, long memberId);

    /**
     * Deletes every row whose {@code expire_at} is at or before {@code now}, in all guilds, in short
     * steps that let writes in between. MongoDB's TTL indexes do the same in the background; this
     * sweep is what SQLite relies on and what makes retention exact in both. Returns the number of
     * rows deleted.
     */
    long sweepExpired(Instant now);

    /**
     * The policy this store stamps every written row's {@code expire_at} with: it gives the
     * retention in force for a guild (its own or the deployment's default) and each row's expiry.
     */
    RetentionPolicy retentionPolicy();

    /**
     * One short step of giving the guild's existing rows the expiry {@link #retentionPolicy()} gives
     * them under {@code retention} (after the guild's retention changed): looks at up to
     * {@code limit} rows after {@code resumeAfter} (null: from the first), rewrites the
     * {@code expire_at} of those that differ, and says where the next step goes on. Writes go on
     * between steps; a step repeated, or a row written meanwhile, is stamped alike.
     */
    RestampStep restampExpiry(long guildId, Retention retention, String resumeAfter, int limit);
}
