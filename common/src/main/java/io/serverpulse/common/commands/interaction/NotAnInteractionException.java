package io.serverpulse.common.commands.interaction;

/**
 * The body is not a Discord interaction at all (not JSON, not an object, no type, id or token). The
 * HTTP endpoint answers 400; nothing is sent to Discord. The message names what is wrong and never
 * quotes the body.
 */
public class NotAnInteractionException extends RuntimeException {

    public NotAnInteractionException(String message) {
        super(message);
    }
}
