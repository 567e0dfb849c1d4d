package io.serverpulse.emulator.sim;

import io.serverpulse.common.alerts.AlertType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An incident that really happened in a simulated timeline, with its true extent. {@code start}
 * and {@code end} are the timestamps of its first and last event (both inclusive), except for an
 * activity drop, whose window {@code [start, end)} is the whole UTC hours in which messages were
 * suppressed.
 *
 * <p>{@code magnitude} by type:
 * <ul>
 *   <li>{@link AlertType#JOIN_RAID}: members who joined in the burst; {@code channelIds} is empty.</li>
 *   <li>{@link AlertType#MASS_DELETION}: messages deleted (single deletes plus every id of the bulk
 *       delete), in the guild's busiest collected channel ({@code channelIds}; should it run out of
 *       messages, the collected channel with most messages takes over and is listed too).</li>
 *   <li>{@link AlertType#ACTIVITY_DROP}: the percentage of messages and reactions suppressed in the
 *       window, in every text channel of the guild ({@code channelIds}).</li>
 *   <li>{@link AlertType#VOICE_SURGE}: members who joined voice in the surge; {@code end} is when the
 *       last of them left; {@code channelIds} are the voice channels they joined.</li>
 * </ul>
 */
public record Incident(AlertType type, long guildId, Instant start, Instant end, List<Long> channelIds, long magnitude) {

    public Incident {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        channelIds = List.copyOf(channelIds);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("incident ends before it starts: " + start + " .. " + end);
        }
    }
}
