package io.serverpulse.store.sqlite;

import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContractProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite adapter passes the property-based half of the contract, each try on a fresh database file. */
class SqliteStoreProperties extends StoreContractProperties {

    /** Holds one directory per try; removed with everything in it when the class is done. */
    @TempDir
    static Path root;

    @Override
    protected Store createStore() {
        try {
            return SqliteStore.open(Files.createTempDirectory(root, "try"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
