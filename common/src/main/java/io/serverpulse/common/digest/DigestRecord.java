package io.serverpulse.common.digest;

import java.time.Instant;
import java.util.Objects;

/**
 * What the ledger knows about one guild's digest of one period: who claimed its posting and when, and, once it
 * was posted, where. Holds no member id and no text.
 *
 * @param periodKey {@link DigestPeriod#key()}, e.g. {@code weekly:2026-03-02}
 * @param owner     the posting attempt that holds the claim (an id unique to that attempt)
 * @param postedAt  null until posted
 * @param channelId the channel it was posted in; null until posted
 * @param messageId the message; null until posted, 0 when there was nothing to report
 */
public record DigestRecord(long guildId, String periodKey, String owner, Instant claimedAt, Instant postedAt, Long channelId,
                           Long messageId) {

    public DigestRecord {
        Objects.requireNonNull(periodKey, "periodKey");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(claimedAt, "claimedAt");
    }

    public boolean posted() {
        return postedAt != null;
    }

    /** Posted as no message: nothing was counted in the period nor in the one before. */
    public boolean nothingToReport() {
        return posted() && Long.valueOf(0).equals(messageId);
    }

    public boolean ownedBy(String attempt) {
        return owner.equals(attempt);
    }
}
