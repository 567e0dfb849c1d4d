package io.serverpulse.alerts.post;

/**
 * What {@link AlertPoster#post} did.
 *
 * @param channelId the update channel (0 for {@link Outcome#NO_CHANNEL})
 * @param messageId the alert's message (0 for {@link Outcome#NO_CHANNEL})
 */
public record Posted(Outcome outcome, long channelId, long messageId) {

    public enum Outcome {
        /** A new message: an opened alert, or an ended one whose first message was not found. */
        POSTED,
        /** The alert's message was edited to say it ended. */
        EDITED,
        /** An opened alert whose message was already there (a repeated delivery): nothing posted. */
        ALREADY_POSTED,
        /** The guild has no update channel and the bot may not create one. */
        NO_CHANNEL
    }

    static Posted noChannel() {
        return new Posted(Outcome.NO_CHANNEL, 0, 0);
    }
}
