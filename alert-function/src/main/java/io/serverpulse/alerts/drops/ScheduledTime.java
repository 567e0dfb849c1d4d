package io.serverpulse.alerts.drops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time a run of the hourly schedule is for: {@code scheduled_time} of the event, which template.yaml
 * fills with EventBridge Scheduler's {@code <aws.scheduler.scheduled-time>} (so a late or retried run
 * still checks its own hour). An event without it (a manual test invoke) runs for now; one with an
 * unreadable time is logged and runs for now too.
 */
public final class ScheduledTime {

    public static final String FIELD = "scheduled_time";

    private static final Logger log = LoggerFactory.getLogger(ScheduledTime.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScheduledTime() {
    }

    public static Instant of(byte[] event, Clock clock) {
        JsonNode time;
        try {
            time = event.length == 0 ? null : MAPPER.readTree(event).get(FIELD);
        } catch (IOException e) {
            log.warn("The schedule's event is not JSON ({} bytes); checking the hour before now", event.length);
            return clock.instant();
        }
        if (time == null || time.isNull()) {
            return clock.instant();
        }
        try {
            return Instant.parse(time.asText());
        } catch (DateTimeParseException e) {
            log.warn("The schedule's event has an unreadable {} '{}'; checking the hour before now", FIELD, time.asText());
            return clock.instant();
        }
    }
}
