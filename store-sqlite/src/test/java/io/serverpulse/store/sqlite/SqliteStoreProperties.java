package io.serverpulse.store.sqlite;

import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContractProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The SQLite adapter passes the property-based half of the contract, each try on a fresh database file. */
class SqliteStoreProperties extends StoreContractProperties {

    private static Path root;

    @BeforeContainer
    static void createRoot() throws IOException {
        root = Files.createTempDirectory("sqlite-properties");
    }

    @AfterContainer
    static void deleteRoot() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    protected Store createStore() {
        try {
            return SqliteStore.open(Files.createTempDirectory(root, "try"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
