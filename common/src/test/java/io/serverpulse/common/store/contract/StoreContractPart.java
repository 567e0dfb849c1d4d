package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.NOW;

import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.store.Store;
import java.util.List;

/**
 * What every part of the storage contract works on: the store under test, new and empty for each
 * test ({@link StoreContract} opens and closes it), and two helpers several parts share. The ids
 * and records the parts write are in {@link ContractFixtures}.
 */
public interface StoreContractPart {

    /** The store under test (opened with {@link RetentionPolicy#STANDARD}). */
    Store store();

    /** Another new, empty store of the same adapter, keeping rows as {@code policy} says; closed after the test. */
    Store openStore(RetentionPolicy policy);

    /** Stores {@link ContractFixtures#activityAroundNow()} and returns it. */
    default MetricBatch givenActivity() {
        MetricBatch batch = ContractFixtures.activityAroundNow();
        store().apply(batch);
        return batch;
    }

    /** The guild's (or channel's) message leaderboard of the period, as of {@link ContractFixtures#NOW}. */
    default List<MemberCount> top(long guildId, long channelId, Period period, int limit) {
        return store().topMembers(LeaderboardQuery.messages(guildId, channelId, period, NOW, limit));
    }
}
