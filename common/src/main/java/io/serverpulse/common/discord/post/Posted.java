package io.serverpulse.common.discord.post;

/**
 * What the {@link UpdatePoster} did.
 *
 * @param channelId the update channel (0 for {@link Outcome#NO_CHANNEL})
 * @param messageId the message posted, edited or found (0 for {@link Outcome#NO_CHANNEL})
 */
public record Posted(Outcome outcome, long channelId, long messageId) {

    public enum Outcome {
        /** A new message. */
        POSTED,
        /** The message with the post's footer was edited. */
        EDITED,
        /** A message with the post's footer was already there: nothing posted (a repeated delivery). */
        ALREADY_POSTED,
        /** The guild has no update channel and the bot may not create one. */
        NO_CHANNEL
    }

    static Posted noChannel() {
        return new Posted(Outcome.NO_CHANNEL, 0, 0);
    }
}
