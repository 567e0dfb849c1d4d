package io.serverpulse.emulator.rest;

/** Thrown by a route handler to answer with a Discord error. */
public final class DiscordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorBody error;

    public DiscordException(ErrorBody error) {
        super(error.body().path("message").asText(), null, false, false);
        this.error = error;
    }

    public ErrorBody error() {
        return error;
    }
}
