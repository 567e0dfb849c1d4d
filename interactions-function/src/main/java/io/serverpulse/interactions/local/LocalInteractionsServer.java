package io.serverpulse.interactions.local;

import io.serverpulse.interactions.http.EndpointRequest;
import io.serverpulse.interactions.http.EndpointResponse;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The interactions endpoint as a local HTTP server: for self-hosters who prefer an HTTP endpoint (behind a
 * tunnel or a reverse proxy with TLS) to the gateway, and for tests and benchmarks. Every path is the endpoint.
 *
 * <p>Three kinds of threads, so that nothing slow stands in the way of a signed PING:
 * <ol>
 *   <li>the {@link HttpFront}'s one thread reads and writes every connection without blocking, and closes those
 *       whose request has not arrived whole within the deadline ({@link FrontLimits});</li>
 *   <li>a few <em>answer</em> threads verify signatures, answer PINGs and what needs no store, and hand commands
 *       on; they never wait for a command;</li>
 *   <li>the endpoint's {@link io.serverpulse.interactions.http.CommandLane} runs commands (the only place that
 *       reads the database) and answers each within its budget.</li>
 * </ol>
 */
public final class LocalInteractionsServer implements AutoCloseable {

    /** Discord's interaction payloads are a few kilobytes; a megabyte is far beyond any of them. */
    public static final int MAX_BODY_BYTES = FrontLimits.MAX_BODY_BYTES;
    /** Requests waiting for an answer thread; beyond this a request gets 503 (only under a flood of signed traffic). */
    static final int ANSWER_QUEUE = 1024;

    private final HttpFront front;
    private final ThreadPoolExecutor answerThreads;
    private final CountDownLatch firstAnswer;

    private LocalInteractionsServer(HttpFront front, ThreadPoolExecutor answerThreads, CountDownLatch firstAnswer) {
        this.front = front;
        this.answerThreads = answerThreads;
        this.firstAnswer = firstAnswer;
    }

    /** Serves {@code endpoint} on {@code address} (port 0: a free port) with the default limits. */
    public static LocalInteractionsServer start(InetSocketAddress address, InteractionsEndpoint endpoint, int answerThreads) {
        return start(address, endpoint, answerThreads, FrontLimits.DEFAULTS);
    }

    /**
     * Starts serving: the port is open when this returns.
     *
     * @param answerThreads threads that verify and answer (they never wait for the store); 2 is plenty
     */
    public static LocalInteractionsServer start(InetSocketAddress address, InteractionsEndpoint endpoint, int answerThreads,
                                                FrontLimits limits) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(limits, "limits");
        if (answerThreads < 1) {
            throw new IllegalArgumentException("answerThreads must be at least 1: " + answerThreads);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(answerThreads, answerThreads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(ANSWER_QUEUE), namedDaemons("interactions-answer-"));
        CountDownLatch firstAnswer = new CountDownLatch(1);
        HttpFront front = HttpFront.open(address, limits, (request, reply) -> {
            try {
                pool.execute(() -> endpoint.answer(new EndpointRequest(request.method(), request.headers(), request.body(),
                        request.startedNanos())).thenAccept(reply).thenRun(firstAnswer::countDown));
            } catch (RejectedExecutionException e) {
                reply.accept(EndpointResponse.error(503, "busy"));
            }
        }, endpoint.logs());
        return new LocalInteractionsServer(front, pool, firstAnswer);
    }

    /** Waits until the first request has been answered, or {@code atMost}; true if it has. */
    public boolean awaitFirstAnswer(Duration atMost) {
        try {
            return firstAnswer.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int port() {
        return front.address().getPort();
    }

    /** {@code http://host:port/} */
    public URI uri() {
        InetSocketAddress address = front.address();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    @Override
    public void close() {
        front.close();
        answerThreads.shutdown();
        try {
            if (!answerThreads.awaitTermination(5, TimeUnit.SECONDS)) {
                answerThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            answerThreads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory namedDaemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
