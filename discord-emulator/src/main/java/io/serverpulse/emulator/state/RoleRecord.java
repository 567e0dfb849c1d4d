package io.serverpulse.emulator.state;

/** A guild role; the {@code @everyone} role has the guild's id. {@code botId} is set for a bot's managed role. */
public record RoleRecord(long id, String name, long permissions, int position, boolean managed, Long botId) {
}
