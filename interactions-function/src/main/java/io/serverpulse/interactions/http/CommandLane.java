package io.serverpulse.interactions.http;

import static io.serverpulse.common.commands.CommandBudget.ephemeral;

import io.serverpulse.common.commands.CommandBudget;
import io.serverpulse.common.commands.InteractionHandler.Prepared;
import io.serverpulse.common.commands.InteractionOutcome;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where commands run, apart from what verifies requests and answers PINGs: a fixed number of threads and a
 * bounded queue. Every command gets its first answer within its budget (given at construction; the servers use
 * {@link #DEFAULT_BUDGET}) of the request's receipt:
 * <ul>
 *   <li>the store is known not to answer ({@link StoreGate}): "storage unavailable" at once, no thread taken;</li>
 *   <li>the threads and the queue are full: "busy, try again in a few seconds" at once;</li>
 *   <li>the command has not finished when the budget is spent (its reads hang): "storage isn't answering, try
 *       again" — the command goes on to its end on its thread (the driver's timeouts bound that) and its result is
 *       dropped; a command still queued then does not start at all; the store is checked in the background.</li>
 * </ul>
 * Each of the three is logged once per burst, never once per member. Thread-safe.
 */
public final class CommandLane implements AutoCloseable {

    /** The first answer leaves at most this long after the request arrived: well inside Discord's 3 seconds. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(2500);

    private static final Logger LOG = LoggerFactory.getLogger(CommandLane.class);

    private final ThreadPoolExecutor threads;
    private final Duration budget;
    private final StoreGate store;
    private final BurstLog busy = new BurstLog(LOG, "commands answered 'busy, try again': every command thread and queue slot taken");
    private final BurstLog slow = new BurstLog(LOG, "commands answered 'storage isn't answering': no result within the budget");
    private final BurstLog down = new BurstLog(LOG, "commands answered 'storage unavailable': the store does not answer");

    public CommandLane(int threads, int queue, Duration budget, StoreGate store) {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("threads and queue must be at least 1");
        }
        this.budget = Objects.requireNonNull(budget, "budget");
        this.store = Objects.requireNonNull(store, "store");
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), runnable -> {
            Thread thread = new Thread(runnable, "interactions-command-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Commands running or waiting for a thread now. */
    public int inFlight() {
        return threads.getActiveCount() + threads.getQueue().size();
    }

    /** The lane's three "once per burst" logs, for a transport that ticks them. */
    public java.util.List<BurstLog> logs() {
        return java.util.List.of(busy, slow, down);
    }

    /**
     * Runs the prepared command and turns the outcome that answers into the HTTP answer with {@code respond}, once (a
     * command's own on its thread: a deferral is handed to the worker there). The future completes within the budget from
     * {@code receivedNanos} ({@link System#nanoTime()}).
     */
    public CompletableFuture<EndpointResponse> run(Prepared prepared, Function<InteractionOutcome, EndpointResponse> respond,
                                                   long receivedNanos) {
        if (!store.answering()) {
            down.record(prepared.toString());
            return CompletableFuture.completedFuture(respond.apply(ephemeral(prepared, "error.storage")));
        }
        CompletableFuture<InteractionOutcome> first;
        try {
            first = CommandBudget.run(prepared, threads, budget, receivedNanos, () -> { }, () -> {
                slow.record(prepared.toString());
                store.suspect();
            });
        } catch (RejectedExecutionException e) {
            busy.record(prepared.toString());
            return CompletableFuture.completedFuture(respond.apply(ephemeral(prepared, "error.busy")));
        }
        // only the outcome that answers is turned into the answer: a command that ends after the budget hands no work on
        return first.thenApply(respond);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
