package io.serverpulse.interactions.deferred;

import java.util.Objects;

/**
 * How finishing one deferred command went.
 *
 * @param status     what happened
 * @param httpStatus Discord's last status, or 0 when nothing reached Discord
 * @param attempts   edits sent (retries included)
 */
public record FollowUpResult(Status status, int httpStatus, int attempts) {

    public enum Status {
        /** Discord took the edit of {@code @original}. */
        DELIVERED,
        /** Discord refused the edit (4xx); the member was shown an error in its place when possible. */
        REJECTED,
        /** Discord could not be reached, kept the route rate limited, or never knew the interaction. */
        UNDELIVERED,
        /** The worker's input was not deferred work: nothing was sent. */
        INVALID_WORK
    }

    public FollowUpResult {
        Objects.requireNonNull(status, "status");
    }

    public boolean delivered() {
        return status == Status.DELIVERED;
    }

    static FollowUpResult invalidWork() {
        return new FollowUpResult(Status.INVALID_WORK, 0, 0);
    }
}
