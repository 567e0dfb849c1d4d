package io.serverpulse.digest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * What a guild's schedule hands the digest function ({@code EventBridgeDigestSchedules.input}):
 * {@code {"guildId": "…", "period": "weekly", "scheduledTime": "2026-03-09T02:10:00Z"}}. Only the guild is read: the
 * digests due are planned from the guild's settings and the time of the run ({@code DigestPlanner}), so a late or
 * retried invocation still posts the period that is due, and one missed is caught up within its window.
 */
public record ScheduledDigest(long guildId) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The invocation's input, or empty when it is not one (logged by the caller). */
    public static Optional<ScheduledDigest> parse(byte[] input) {
        try {
            JsonNode json = MAPPER.readTree(input);
            if (json == null || !json.path("guildId").isTextual()) {
                return Optional.empty();
            }
            long guildId = Long.parseUnsignedLong(json.path("guildId").asText());
            return guildId > 0 ? Optional.of(new ScheduledDigest(guildId)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
