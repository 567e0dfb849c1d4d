package io.serverpulse.emulator.spec;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a request body, as Discord reports it inside a 50035 "Invalid Form Body"
 * error: where ({@code path}, the JSON keys and array indexes leading to the field; empty for the
 * body itself), a code such as {@code BASE_TYPE_MAX_LENGTH}, and a human-readable message.
 */
public record Problem(List<String> path, String code, String message) implements Comparable<Problem> {

    public Problem {
        path = List.copyOf(path);
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The path as discord.js prints it, e.g. {@code embeds[0].fields[1].value}, or {@code 0.options[2]}
     * for an array body; empty for the body itself.
     */
    public String location() {
        StringBuilder out = new StringBuilder();
        for (String segment : path) {
            if (isIndex(segment) && out.length() > 0) {
                out.append('[').append(segment).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }

    /** {@code embeds[0].fields[1].value[BASE_TYPE_REQUIRED]: This field is required}. */
    @Override
    public String toString() {
        return location() + "[" + code + "]: " + message;
    }

    @Override
    public int compareTo(Problem other) {
        int byPath = location().compareTo(other.location());
        return byPath != 0 ? byPath : code.compareTo(other.code);
    }

    static boolean isIndex(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
