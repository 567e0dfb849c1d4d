package io.serverpulse.interactions.http;

import io.serverpulse.common.commands.DeferredWork;

/**
 * Hands a deferred command to a worker that finishes it (and edits {@code @original}) after the
 * DEFERRED answer has gone out. AWS: an asynchronous Lambda invoke of the worker function. Local and
 * tests: a task on an executor.
 *
 * <p>Called on the request path before the answer is returned, so an implementation must return
 * quickly: it hands the work over, it does not wait for it. The worker may therefore start before
 * Discord has the DEFERRED answer; the follow-up sender retries an {@code @original} edit that
 * Discord does not know yet.
 */
@FunctionalInterface
public interface DeferredDispatcher {

    /** @throws DispatchException if the work could not be handed over (the member is told instead of left waiting) */
    void dispatch(DeferredWork work);

    /**
     * The work could not be handed to a worker. {@link #busy()}: because the workers are all taken (a full queue,
     * throttling) — the member is told to try again in a few seconds; otherwise it is a fault. The message never
     * contains the interaction token.
     */
    final class DispatchException extends RuntimeException {
        private final boolean busy;

        public DispatchException(String message) {
            this(message, null, false);
        }

        public DispatchException(String message, Throwable cause) {
            this(message, cause, false);
        }

        public DispatchException(String message, Throwable cause, boolean busy) {
            super(message, cause);
            this.busy = busy;
        }

        /** The workers are busy: trying again soon may succeed. */
        public static DispatchException busy(String message, Throwable cause) {
            return new DispatchException(message, cause, true);
        }

        public boolean busy() {
            return busy;
        }
    }
}
