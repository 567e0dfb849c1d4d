package io.serverpulse.interactions.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * The two top-level fields of a verified interaction body the endpoint needs before (and without) the
 * command core: {@code type} (a PING is answered at once) and {@code id} (replays are refused). Read with
 * Jackson's streaming parser, skipping everything else.
 *
 * @param type the interaction type, or -1 when absent or not an integer
 * @param id   the interaction id (a snowflake), or 0 when absent or malformed
 */
record Envelope(int type, long id) {

    static final int PING = 1;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Empty when the body is not a JSON object. */
    static Optional<Envelope> read(byte[] body) {
        int type = -1;
        long id = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(name) && value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
                    type = parser.getIntValue();
                } else if ("id".equals(name) && value == JsonToken.VALUE_STRING) {
                    id = snowflake(parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
            return token == JsonToken.END_OBJECT ? Optional.of(new Envelope(type, id)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long snowflake(String text) {
        if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
