package io.serverpulse.common.discord.post;

/**
 * Discord refused a step of a post, or could not be reached. The message names the step, the HTTP
 * status and Discord's error code, never a token or the message's text. {@link #retryable()} says
 * whether trying again later could help (a 5xx, a rate limit Discord asked to wait out for too long,
 * the network) or not (a 4xx such as a missing permission).
 */
public final class PostFailure extends RuntimeException {

    private final int status;
    private final boolean retryable;

    PostFailure(String message, int status, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    /** The HTTP status of Discord's last answer, or 0 when it was not reached. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }
}
