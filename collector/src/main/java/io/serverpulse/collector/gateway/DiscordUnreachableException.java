package io.serverpulse.collector.gateway;

/** Discord's API could not be reached at start-up (this machine is offline, or Discord is down); the message is one line fit to print. */
public final class DiscordUnreachableException extends RuntimeException {

    public DiscordUnreachableException(String message) {
        super(message);
    }
}
