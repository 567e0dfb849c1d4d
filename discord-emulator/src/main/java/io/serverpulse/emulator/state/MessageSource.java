package io.serverpulse.emulator.state;

/** How a message came to be. */
public enum MessageSource {
    /** A user's message from the played timeline. */
    TIMELINE,
    /** The bot's POST /channels/{id}/messages. */
    CHANNEL,
    /** The bot's answer to an interaction (callback type 4, or the message a deferral becomes). */
    INTERACTION_RESPONSE,
    /** The bot's follow-up through the interaction webhook. */
    FOLLOW_UP
}
