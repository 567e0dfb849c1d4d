package io.serverpulse.interactions.store;

import io.serverpulse.common.lazy.Lazy;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;
import io.serverpulse.interactions.http.StoreGate;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store that connects in the background and is watched: the endpoint opens its port and answers PINGs
 * before any database is reached. {@link #store()} is usable at once; until the first connection succeeded it
 * fails fast with a {@link StoreException} ("still connecting"), afterwards it is the connected store. The
 * connection is retried with backoff until it succeeds, and the log says when storage is ready.
 *
 * <p>As a {@link StoreGate}: storage "answers" once connected, until an operation fails with a
 * {@link StoreException} or a command runs out of its time budget on it ({@link #suspect()}); then a ping is
 * sent in the background, and while storage does not answer it is pinged every {@link #PROBE_INTERVAL} until it
 * does again (the driver reconnects by itself: nothing is restarted). Thread-safe.
 */
public final class StoreConnection implements StoreGate, AutoCloseable {

    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(StoreConnection.class);

    private final Supplier<Store> connect;
    private final String name;
    private final Lazy<Store> view = Lazy.of(
            () -> (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, this::call));
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicBoolean probing = new AtomicBoolean();
    private final Thread connector;
    private volatile Store delegate;
    private volatile boolean answering;
    private volatile boolean closed;

    /** Not connecting yet: {@link #start()} begins (a gate that does not answer until then). */
    public StoreConnection(Supplier<Store> connect, String name) {
        this.connect = Objects.requireNonNull(connect, "connect");
        this.name = Objects.requireNonNull(name, "name");
        this.connector = daemon(this::connectUntilReady, "store-connect-" + name);
    }

    /**
     * Starts connecting in the background.
     *
     * @param connect opens the store (throws {@link StoreException} while the database cannot be reached)
     * @param name    for thread names and the log ("interactions", "worker")
     */
    public static StoreConnection start(Supplier<Store> connect, String name) {
        return new StoreConnection(connect, name).start();
    }

    /** Begins connecting in the background; returns this. */
    public StoreConnection start() {
        connector.start();
        return this;
    }

    /**
     * The store: fails fast while not connected yet, and reports failures to this gate. (Made on first use: the
     * proxy class loads every type of the storage port, which a PING never needs.)
     */
    public Store store() {
        return view.get();
    }

    /** Waits up to {@code timeout} for the first connection; true if connected. */
    public boolean awaitReady(Duration timeout) {
        try {
            return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean answering() {
        return answering;
    }

    @Override
    public void suspect() {
        if (delegate != null && !closed && probing.compareAndSet(false, true)) {
            daemon(this::probeUntilAnswering, "store-probe-" + name).start();
        }
    }

    private void connectUntilReady() {
        long started = System.nanoTime();
        Duration backoff = Duration.ofMillis(250);
        int attempts = 0;
        while (!closed) {
            attempts++;
            try {
                Store store = connect.get();
                if (closed) {
                    store.close();
                    return;
                }
                delegate = store;
                answering = true;
                ready.countDown();
                LOG.info("Storage ready for {} after {} attempt(s) in {} ms: {}", name, attempts,
                        (System.nanoTime() - started) / 1_000_000, store.describe());
                return;
            } catch (RuntimeException e) {
                if (attempts == 1) {
                    LOG.warn("Storage not reachable yet for {} ({}); retrying in the background", name, e.getMessage());
                }
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void probeUntilAnswering() {
        try {
            boolean wasAnswering = answering;
            while (!closed) {
                boolean now = delegate.healthy();
                if (now && !answering) {
                    LOG.info("Storage answers again ({})", name);
                } else if (!now && wasAnswering) {
                    LOG.warn("Storage does not answer ({}): commands are told so until it does", name);
                    wasAnswering = false;
                }
                answering = now;
                if (now) {
                    return;
                }
                sleep(PROBE_INTERVAL);
            }
        } finally {
            probing.set(false);
        }
    }

    private Object call(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "StoreConnection[" + name + "]";
            };
        }
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            // closing the store closes the connection, its background threads and the store it connected
            close();
            return null;
        }
        Store store = delegate;
        if (store == null) {
            return switch (method.getName()) {
                case "healthy" -> false;
                case "describe" -> "not connected yet";
                default -> throw new StoreException("storage is still connecting");
            };
        }
        try {
            return method.invoke(store, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof StoreException) {
                suspect();
            }
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connector.interrupt();
        Store store = delegate;
        if (store != null) {
            store.close();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
