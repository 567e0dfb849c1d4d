package io.serverpulse.emulator.state;

/** A Discord user the emulator knows: every member of a community, ever. */
public record UserRecord(long id, String username, boolean bot) {
}
