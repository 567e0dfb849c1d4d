package io.serverpulse.common.ai.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads how long a 429 asks us to wait: {@code retry-after-ms}, or {@code Retry-After} in seconds or as an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    static Duration parse(HttpHeaders headers, Instant now) {
        String millis = headers.firstValue("retry-after-ms").orElse("").trim();
        if (millis.matches("\\d{1,9}(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(millis)));
        }
        String value = headers.firstValue("retry-after").orElse("").trim();
        if (value.matches("\\d{1,9}(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        }
        if (!value.isEmpty()) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
