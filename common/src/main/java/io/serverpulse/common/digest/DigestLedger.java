package io.serverpulse.common.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which digests were claimed and posted, one record per guild and period: what makes a period post once
 * whatever retries, restarts or a second scheduler do. A digest is claimed before it is posted and marked
 * posted after; an attempt that finds a claim of its own, or an expired one, looks for the message by its
 * footer before posting (the attempt before it may have posted and died before marking it).
 */
public interface DigestLedger {

    /**
     * Claims the posting of the guild's digest of {@code periodKey} for {@code owner}, atomically: of several
     * attempts at once, one gets it. Returns the record as it is after the call:
     * <ul>
     *   <li>no record yet: a new claim of {@code owner} (the caller posts);</li>
     *   <li>a claim, not posted, made by {@code owner} or at or before {@code now - lease}: taken over by
     *       {@code owner} at {@code now} (the caller looks for the message first, then posts);</li>
     *   <li>a more recent claim of another attempt, or a posted digest: unchanged (the caller leaves it).</li>
     * </ul>
     * The record is kept for the guild's metrics retention from {@code now}.
     */
    DigestRecord claimDigest(long guildId, String periodKey, String owner, Instant now, Duration lease);

    /**
     * Marks the digest posted as {@code messageId} in {@code channelId}, if {@code owner} holds the claim.
     *
     * @return whether the record now says posted by this owner (false: another attempt took the claim over)
     */
    boolean digestPosted(long guildId, String periodKey, String owner, long channelId, long messageId, Instant at);

    /** The record of the guild's digest of {@code periodKey}, if any. */
    Optional<DigestRecord> digestRecord(long guildId, String periodKey);
}
