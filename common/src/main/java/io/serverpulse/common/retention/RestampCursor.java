package io.serverpulse.common.retention;

/**
 * Where re-stamping a guild's rows goes on ({@link RestampStep#resumeAfter()}), the same for every store:
 * {@code <table index>:<the last key examined, in the store's own form>}, the key empty at a table's start.
 *
 * @param table the index of the table (collection) in the store's fixed list of expiring ones
 * @param lastKey the last key examined in it, as the store wrote it; empty to start at its first row
 */
public record RestampCursor(int table, String lastKey) {

    /**
     * Reads a cursor ({@code null}: the first table, from its start) for one step of at most {@code limit} rows in a
     * store of {@code tables} expiring tables.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive or the cursor is not one of such a store
     */
    public static RestampCursor of(String resumeAfter, int limit, int tables) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        if (resumeAfter == null) {
            return new RestampCursor(0, "");
        }
        int table;
        try {
            table = Integer.parseInt(resumeAfter.substring(0, resumeAfter.indexOf(':')));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a re-stamp cursor of this store: " + resumeAfter);
        }
        if (table < 0 || table >= tables) {
            throw new IllegalArgumentException("not a re-stamp cursor of this store: " + resumeAfter);
        }
        return new RestampCursor(table, resumeAfter.substring(resumeAfter.indexOf(':') + 1));
    }

    /**
     * What a step of this table did: {@code examined} rows of at most {@code limit}, {@code restamped} of them changed,
     * {@code last} the last key examined. A full step goes on after it; a shorter one ends the table, and the next
     * step starts the next table, or there is none after the last of {@code tables}.
     */
    public RestampStep step(int examined, int restamped, String last, int limit, int tables) {
        String next;
        if (examined == limit) {
            next = table + ":" + last;
        } else {
            next = table + 1 < tables ? (table + 1) + ":" : null;
        }
        return new RestampStep(examined, restamped, next);
    }
}
