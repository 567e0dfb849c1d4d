package io.serverpulse.common.store.contract;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.store.Store;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The storage contract: every {@link Store} adapter extends this class (and
 * {@link StoreContractProperties}) and must pass it unchanged.
 *
 * <p>The tests live in one interface per role of the port, each readable alone:
 * {@link SettingsStoreContract}, {@link MetricsStoreContract} (reads), {@link MetricBatchContract}
 * (idempotent batches), {@link MemberEventStoreContract}, {@link AlertStoreContract},
 * {@link SummaryStoreContract}, {@link LeaderboardCacheStoreContract},
 * {@link GuildDataStoreContract} (export, erasure), {@link RetentionContract} (expiry and the
 * sweep), {@link GuildIsolationContract} (across roles) and {@link StoreLifecycleContract}
 * (describe, health, close), and {@link SettingsConcurrencyContract} (settings changed by many
 * writers at once, through one store and through two on one database), {@link OptOutStoreContract}
 * (members' opt-outs), {@link DigestLedgerContract} (which digests were claimed and posted),
 * {@link UsageCounterContract} (counters of uses per window) and {@link IngestionOverloadContract} (a
 * burst beyond the write rate, counted or reported exactly). This class composes them
 * all and gives each test a new, empty store.
 */
public abstract class StoreContract implements SettingsStoreContract, MetricsStoreContract, MetricBatchContract,
        MemberEventStoreContract, AlertStoreContract, SummaryStoreContract, LeaderboardCacheStoreContract,
        GuildDataStoreContract, RetentionContract, GuildIsolationContract, StoreLifecycleContract,
        SettingsConcurrencyContract, OptOutStoreContract, DigestLedgerContract, UsageCounterContract,
        IngestionOverloadContract {

    protected Store store;
    private Store second;
    private final List<Store> others = new ArrayList<>();

    /**
     * A new, empty store keeping rows as {@code policy} says (the deployment's default retention);
     * every call returns an independent one. The suite closes what it gets.
     */
    protected abstract Store createStore(RetentionPolicy policy);

    /**
     * Simulates a write of {@code batch} that dies after at most its first {@code failAfterIncrements}
     * increments reached the database, the way this adapter's writes really fail (SQLite: a
     * transaction that is rolled back; MongoDB: a prefix of an unordered bulk applied under the same
     * batch id). It may throw (the suite ignores any {@link RuntimeException}) or return normally;
     * the store must stay usable.
     */
    protected abstract void applyInterrupted(Store store, MetricBatch batch, int failAfterIncrements);

    /**
     * Another, independent store instance on the database of {@code store}, as a second process (or
     * Lambda instance) would open it. The suite closes it after the test.
     */
    protected abstract Store openSameDatabase(Store store);

    @Override
    public final Store sameDatabase() {
        if (second == null) {
            second = openSameDatabase(store);
        }
        return second;
    }

    @Override
    public final Store store() {
        return store;
    }

    @Override
    public final Store openStore(RetentionPolicy policy) {
        Store other = createStore(policy);
        others.add(other);
        return other;
    }

    @Override
    public final void interrupt(MetricBatch batch, int failAfterIncrements) {
        try {
            applyInterrupted(store, batch, failAfterIncrements);
        } catch (RuntimeException expected) {
            // the write died part-way, as intended
        }
    }

    @BeforeEach
    void openTheStore() {
        store = createStore(RetentionPolicy.STANDARD);
    }

    @AfterEach
    void closeStores() {
        if (second != null) {
            second.close();
            second = null;
        }
        store.close();
        others.forEach(Store::close);
        others.clear();
    }
}
