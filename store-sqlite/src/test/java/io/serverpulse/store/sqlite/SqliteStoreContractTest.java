package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite adapter passes the storage contract, each test on a fresh database file. */
class SqliteStoreContractTest extends StoreContract {

    @TempDir
    Path tempDir;

    private final FailNextApply faults = new FailNextApply();
    private final Map<Store, Path> dirs = new IdentityHashMap<>();

    @Override
    protected Store createStore(RetentionPolicy policy) {
        try {
            Path dir = Files.createTempDirectory(tempDir, "store");
            Store store = SqliteStore.open(dir, SqliteStore.Options.defaults().withFaultHook(faults).withRetention(policy));
            dirs.put(store, dir);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A second connection on the same file, as a second process would open it. */
    @Override
    protected Store openSameDatabase(Store store) {
        return SqliteStore.open(dirs.get(store));
    }

    /** A real transaction that dies after {@code failAfterIncrements} upserts and is rolled back. */
    @Override
    protected void applyInterrupted(Store store, MetricBatch batch, int failAfterIncrements) {
        faults.arm(failAfterIncrements);
        store.apply(batch);
    }
}
