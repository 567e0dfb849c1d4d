package io.serverpulse.common.store;

/** The database could not do what was asked (unreachable, locked, timed out). Retrying later may succeed. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /**
     * What every adapter throws when it is used after {@link Store#close()}: the same type and the
     * same message, {@code the store <describe()> is closed}, whatever the database.
     */
    public static StoreException closed(String description) {
        return new StoreException("the store " + description + " is closed");
    }
}
