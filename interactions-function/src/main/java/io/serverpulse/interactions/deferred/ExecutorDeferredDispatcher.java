package io.serverpulse.interactions.deferred;

import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.interactions.http.DeferredDispatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands deferred work to an executor in this process (the local server, tests). The work crosses as
 * {@link DeferredWork#toJson()}, exactly as it crosses to the Lambda worker, so both paths carry the same
 * payload. A full executor (its queue bounded) is reported as {@link DispatchException#busy() busy}: the member
 * is told to try again. Work that waited in the queue past {@link #TOKEN_WINDOW} is dropped with one log line:
 * the interaction token it would answer with has expired, nothing could reach the member any more.
 */
public final class ExecutorDeferredDispatcher implements DeferredDispatcher {

    /** Discord's interaction token lasts 15 minutes; a minute is left for the work itself. */
    public static final Duration TOKEN_WINDOW = Duration.ofMinutes(14);

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorDeferredDispatcher.class);

    private final Executor executor;
    private final Consumer<byte[]> worker;
    private final LongSupplier nanoTime;

    /** @param worker what finishes a payload, e.g. {@code runner::run} or a Lambda worker's handler */
    public ExecutorDeferredDispatcher(Executor executor, Consumer<byte[]> worker) {
        this(executor, worker, System::nanoTime);
    }

    ExecutorDeferredDispatcher(Executor executor, Consumer<byte[]> worker, LongSupplier nanoTime) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    public static ExecutorDeferredDispatcher of(Executor executor, DeferredRunner runner) {
        return new ExecutorDeferredDispatcher(executor, runner::run);
    }

    @Override
    public void dispatch(DeferredWork work) {
        byte[] payload = work.toJson().getBytes(StandardCharsets.UTF_8);
        long handedAt = nanoTime.getAsLong();
        try {
            executor.execute(() -> {
                if (nanoTime.getAsLong() - handedAt > TOKEN_WINDOW.toNanos()) {
                    LOG.warn("Dropped {}: it waited for a worker until its interaction token expired", work);
                    return;
                }
                try {
                    worker.accept(payload);
                } catch (RuntimeException e) {
                    LOG.error("Deferred work failed: {}", work, e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw DispatchException.busy("the worker queue is full", e);
        }
    }
}
