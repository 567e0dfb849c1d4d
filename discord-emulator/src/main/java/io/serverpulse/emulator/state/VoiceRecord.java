package io.serverpulse.emulator.state;

/** A member connected to a voice channel. */
public record VoiceRecord(long userId, long channelId, String sessionId) {
}
