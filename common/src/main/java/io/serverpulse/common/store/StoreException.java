package io.serverpulse.common.store;

/** The database could not do what was asked (unreachable, locked, timed out). Retrying later may succeed. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
