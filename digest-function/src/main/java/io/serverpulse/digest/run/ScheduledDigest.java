package io.serverpulse.digest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a guild's schedule hands the digest function ({@code EventBridgeDigestSchedules.input}):
 * {@code {"guildId": "…", "period": "weekly", "scheduledTime": "2026-03-09T02:10:00Z"}}. The time is when the
 * schedule was due (a late or retried invocation still knows which digest it is for); a missing or unreadable
 * one counts as now.
 */
public record ScheduledDigest(long guildId, String period, Optional<Instant> scheduledTime) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The invocation's input, or empty when it is not one (logged by the caller). */
    public static Optional<ScheduledDigest> parse(byte[] input) {
        try {
            JsonNode json = MAPPER.readTree(input);
            if (json == null || !json.path("guildId").isTextual()) {
                return Optional.empty();
            }
            long guildId = Long.parseUnsignedLong(json.path("guildId").asText());
            Optional<Instant> at;
            try {
                at = json.path("scheduledTime").isTextual() ? Optional.of(Instant.parse(json.path("scheduledTime").asText()))
                        : Optional.empty();
            } catch (DateTimeParseException e) {
                at = Optional.empty();
            }
            return guildId > 0 ? Optional.of(new ScheduledDigest(guildId, json.path("period").asText(""), at)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
