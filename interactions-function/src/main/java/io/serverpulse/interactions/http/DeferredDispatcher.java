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

    /** The work could not be handed to a worker. The message never contains the interaction token. */
    final class DispatchException extends RuntimeException {
        public DispatchException(String message) {
            super(message);
        }

        public DispatchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
