package io.serverpulse.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One application-command registration request: {@code POST} (one command) or {@code PUT} (bulk
 * overwrite, body is an array); {@code guildId} is null for global commands.
 */
public record CommandRegistration(String method, Long guildId, JsonNode body, Instant at) {

    public boolean global() {
        return guildId == null;
    }
}
