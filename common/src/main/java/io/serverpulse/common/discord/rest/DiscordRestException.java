package io.serverpulse.common.discord.rest;

/** Discord could not be reached (network, timeout, interrupted). The message never holds a token. */
public final class DiscordRestException extends RuntimeException {

    public DiscordRestException(String message, Throwable cause) {
        super(message, cause);
    }
}
