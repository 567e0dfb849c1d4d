package io.serverpulse.common.commands;

import io.serverpulse.common.commands.InteractionHandler.Prepared;
import io.serverpulse.common.commands.InteractionOutcome.Respond;
import io.serverpulse.common.commands.message.MessageBody;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A command's first answer within a budget, whatever the store does, for both transports (the HTTP endpoint's lane
 * and the gateway's interactions): the command runs on a thread of the caller's; if it has not finished when the
 * budget is spent, the member is answered, ephemerally and in their language, that storage isn't answering. A command
 * still waiting for a thread then never starts, so nothing is changed behind that answer; one already running goes
 * on to its end (the driver's timeouts bound that) and its outcome is dropped.
 */
public final class CommandBudget {

    private CommandBudget() {
    }

    /**
     * Runs {@code prepared} on {@code threads}. The future completes once: with the command's outcome, or at
     * {@code budget} after {@code receivedNanos} ({@link System#nanoTime()}) with "storage isn't answering" if the
     * command has not finished (then {@code atBudget} runs, once).
     *
     * @param afterRun runs on the command's thread after the command and before its outcome answers (the gateway
     *                 reads the guild's settings again there); if the budget is spent meanwhile, the outcome answers
     * @throws RejectedExecutionException if {@code threads} take no more work (nothing was started)
     */
    public static CompletableFuture<InteractionOutcome> run(Prepared prepared, Executor threads, Duration budget,
                                                           long receivedNanos, Runnable afterRun, Runnable atBudget) {
        CompletableFuture<InteractionOutcome> first = new CompletableFuture<>();
        AtomicReference<InteractionOutcome> done = new AtomicReference<>();
        threads.execute(() -> {
            if (first.isDone()) {
                return; // answered at the budget already: a command that did not start changes nothing
            }
            InteractionOutcome outcome = prepared.run();
            done.set(outcome);
            afterRun.run();
            first.complete(outcome);
        });
        long left = budget.toNanos() - (System.nanoTime() - receivedNanos);
        CompletableFuture.delayedExecutor(Math.max(0, left), TimeUnit.NANOSECONDS).execute(() -> {
            InteractionOutcome outcome = done.get();
            if (outcome != null) {
                first.complete(outcome);
            } else if (first.complete(ephemeral(prepared, "error.storage-slow"))) {
                atBudget.run();
            }
        });
        return first;
    }

    /** The text of {@code key} in the member's own language, ephemeral. */
    public static InteractionOutcome ephemeral(Prepared prepared, String key) {
        return new Respond(InteractionResponse.message(MessageBody.ephemeralText(prepared.texts().get(key))));
    }
}
