package io.serverpulse.interactions.deferred;

import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.interactions.http.DeferredDispatcher;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands deferred work to an executor in this process (the local server, tests). The work crosses as
 * {@link DeferredWork#toJson()}, exactly as it crosses to the Lambda worker, so both paths carry the same
 * payload.
 */
public final class ExecutorDeferredDispatcher implements DeferredDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorDeferredDispatcher.class);

    private final Executor executor;
    private final Consumer<byte[]> worker;

    /** @param worker what finishes a payload, e.g. {@code runner::run} or a Lambda worker's handler */
    public ExecutorDeferredDispatcher(Executor executor, Consumer<byte[]> worker) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    public static ExecutorDeferredDispatcher of(Executor executor, DeferredRunner runner) {
        return new ExecutorDeferredDispatcher(executor, runner::run);
    }

    @Override
    public void dispatch(DeferredWork work) {
        byte[] payload = work.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            executor.execute(() -> {
                try {
                    worker.accept(payload);
                } catch (RuntimeException e) {
                    LOG.error("Deferred work failed: {}", work, e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new DispatchException("the worker pool takes no more work", e);
        }
    }
}
