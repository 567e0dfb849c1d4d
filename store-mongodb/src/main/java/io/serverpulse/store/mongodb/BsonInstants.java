package io.serverpulse.store.mongodb;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * Instants as BSON dates. A BSON date holds milliseconds; the rest of an instant's nanoseconds (if
 * any) goes into a sibling field {@code <name>_nanos}, so every instant the domain hands over is read
 * back exactly, while the field itself stays a real date (queryable, TTL-able, readable in Atlas).
 */
final class BsonInstants {

    private static final int NANOS_PER_MILLI = 1_000_000;

    private BsonInstants() {
    }

    static void put(Document document, String field, Instant instant) {
        if (instant == null) {
            document.append(field, null);
            return;
        }
        document.append(field, floor(instant));
        int rest = instant.getNano() % NANOS_PER_MILLI;
        if (rest != 0) {
            document.append(field + "_nanos", rest);
        }
    }

    static Instant get(Document document, String field) {
        Date date = document.getDate(field);
        if (date == null) {
            return null;
        }
        Object rest = document.get(field + "_nanos");
        Instant millis = date.toInstant();
        return rest instanceof Number n ? millis.plusNanos(n.longValue()) : millis;
    }

    /** The date at or before the instant (what a stored instant compares as). */
    static Date floor(Instant instant) {
        return new Date(instant.toEpochMilli());
    }

    /** The date at or after the instant: used for {@code expire_at}, so nothing is deleted early. */
    static Date ceil(Instant instant) {
        long millis = instant.toEpochMilli();
        return new Date(instant.getNano() % NANOS_PER_MILLI == 0 ? millis : millis + 1);
    }
}
