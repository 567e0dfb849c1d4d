package io.serverpulse.interactions.http;

/**
 * What the command lane knows about the store before it runs a command: whether it answers now (if not, a
 * command is answered "storage unavailable" at once instead of taking a thread to find out), and a way to
 * report that a command ran out of time on it (the store is then checked in the background).
 */
public interface StoreGate {

    /** A store that is never in doubt (tests, in-memory stores). */
    StoreGate ALWAYS = new StoreGate() {
        @Override
        public boolean answering() {
            return true;
        }

        @Override
        public void suspect() {
            // nothing to check
        }
    };

    boolean answering();

    /** A command ran out of its budget on the store: check whether it still answers. Returns at once. */
    void suspect();
}
