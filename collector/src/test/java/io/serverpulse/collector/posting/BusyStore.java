package io.serverpulse.collector.posting;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertStore;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import io.serverpulse.common.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A real store behind one lock, as SQLite's single writer is: every call waits for it, and
 * {@link #bulkWrite} holds it as a long bulk upsert of metrics does (up to a given time, or until
 * released).
 */
final class BusyStore implements AlertStore, SettingsStore {

    private final Store store;
    private final ReentrantLock lock = new ReentrantLock();

    BusyStore(Store store) {
        this.store = store;
    }

    /** A bulk write that holds the lock on a thread of its own. */
    final class BulkWrite implements AutoCloseable {
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread thread;

        private BulkWrite(Duration length) {
            thread = new Thread(() -> {
                lock.lock();
                try {
                    holding.countDown();
                    release.await(length.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    lock.unlock();
                }
            }, "bulk-write");
            thread.start();
        }

        boolean running() {
            return thread.isAlive();
        }

        /** Ends the write now and waits for the lock to be free. */
        @Override
        public void close() throws InterruptedException {
            release.countDown();
            thread.join();
        }
    }

    /** Starts a bulk write holding the lock for {@code length}; returns once it holds it. */
    BulkWrite bulkWrite(Duration length) throws InterruptedException {
        BulkWrite write = new BulkWrite(length);
        if (!write.holding.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the bulk write did not start");
        }
        return write;
    }

    private <T> T locked(java.util.function.Supplier<T> call) {
        lock.lock();
        try {
            return call.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void saveAlert(AlertRecord alert) {
        locked(() -> {
            store.saveAlert(alert);
            return null;
        });
    }

    @Override
    public List<AlertRecord> alerts(long guildId, TimeWindow window) {
        return locked(() -> store.alerts(guildId, window));
    }

    @Override
    public Optional<GuildSettings> findSettings(long guildId) {
        return locked(() -> store.findSettings(guildId));
    }

    @Override
    public GuildSettings updateSettings(long guildId, java.util.function.UnaryOperator<GuildSettings> change) {
        return locked(() -> store.updateSettings(guildId, change));
    }

    @Override
    public List<GuildSettings> allSettings() {
        return locked(store::allSettings);
    }
}
