package io.serverpulse.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.store.StoreException;
import java.time.Instant;
import java.util.Arrays;

/** How values are kept in SQLite columns: instants as epoch milliseconds, lists as JSON text, ids compared by code point. */
final class SqlValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlValues() {
    }

    /** Epoch milliseconds, clamped for the far past and future (windows may be unbounded). */
    static long millis(Instant at) {
        if (at.isBefore(Instant.ofEpochMilli(Long.MIN_VALUE))) {
            return Long.MIN_VALUE;
        }
        if (at.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE))) {
            return Long.MAX_VALUE;
        }
        return at.toEpochMilli();
    }

    /** Unicode code point order, the order in which SQLite compares UTF-8 text. */
    static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static <T> T fromJson(String json, TypeReference<T> type, String what) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored " + what + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
