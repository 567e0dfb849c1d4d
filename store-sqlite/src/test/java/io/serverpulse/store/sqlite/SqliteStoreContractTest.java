package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite adapter passes the storage contract, each test on a fresh database file. */
class SqliteStoreContractTest extends StoreContract {

    @TempDir
    Path tempDir;

    private final FailNextApply faults = new FailNextApply();

    @Override
    protected Store createStore() {
        try {
            return SqliteStore.open(Files.createTempDirectory(tempDir, "store"), SqliteStore.Options.defaults().withFaultHook(faults));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real transaction that dies after {@code failAfterIncrements} upserts and is rolled back. */
    @Override
    protected void applyInterrupted(Store store, MetricBatch batch, int failAfterIncrements) {
        faults.arm(failAfterIncrements);
        store.apply(batch);
    }
}
