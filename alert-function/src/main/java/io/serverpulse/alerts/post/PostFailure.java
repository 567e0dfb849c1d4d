package io.serverpulse.alerts.post;

/**
 * Discord refused or could not be reached while posting an alert. The message names the step, the
 * HTTP status and Discord's error code, never a token. {@link #retryable()} says whether trying the
 * whole delivery again later could help (a 5xx, a rate limit Discord asked to wait out too long, a
 * network failure) or not (a 4xx such as missing permissions).
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
