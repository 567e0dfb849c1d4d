package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.ALICE;
import static io.serverpulse.common.store.contract.ContractFixtures.BOB;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The {@link io.serverpulse.common.quota.UsageCounterStore} part of the storage contract: one counter per guild,
 * member, name and window, added to atomically (through one store and through two on one database), erased with
 * the guild or the member, and deleted by the sweep once expired.
 */
public interface UsageCounterContract extends StoreContractPart {

    Instant HOUR = at("2026-06-15T10:00:00Z");
    Instant HOUR_END = HOUR.plus(Duration.ofHours(1));
    String ASK = "askpulse";

    /** Another instance on the same database, as a second process would open it. */
    Store sameDatabase();

    @Test
    default void countersAddUpSeparatelyPerGuildMemberNameAndWindow() {
        // GIVEN uses by Alice and Bob in guild A, by Alice in guild B, and in the next hour
        store().addUse(GUILD_A, ALICE, ASK, HOUR, HOUR_END, 1);
        store().addUse(GUILD_A, ALICE, ASK, HOUR, HOUR_END, 1);
        store().addUse(GUILD_A, BOB, ASK, HOUR, HOUR_END, 1);
        store().addUse(GUILD_B, ALICE, ASK, HOUR, HOUR_END, 1);
        store().addUse(GUILD_A, ALICE, ASK, HOUR_END, HOUR_END.plus(Duration.ofHours(1)), 1);
        store().addUse(GUILD_A, 0, ASK, HOUR, HOUR_END, 5);

        // WHEN Alice's counter in guild A's hour is read by adding nothing, and one use is given back
        long now = store().addUse(GUILD_A, ALICE, ASK, HOUR, HOUR_END, 0);
        long givenBack = store().addUse(GUILD_A, ALICE, ASK, HOUR, HOUR_END, -1);

        // THEN each counter holds its own uses
        assertThat(now).isEqualTo(2);
        assertThat(givenBack).isEqualTo(1);
        assertThat(store().addUse(GUILD_A, BOB, ASK, HOUR, HOUR_END, 0)).isEqualTo(1);
        assertThat(store().addUse(GUILD_B, ALICE, ASK, HOUR, HOUR_END, 0)).isEqualTo(1);
        assertThat(store().addUse(GUILD_A, ALICE, ASK, HOUR_END, HOUR_END.plus(Duration.ofHours(1)), 0)).isEqualTo(1);
        assertThat(store().addUse(GUILD_A, 0, ASK, HOUR, HOUR_END, 0)).isEqualTo(5);
        assertThat(store().addUse(GUILD_A, ALICE, "other", HOUR, HOUR_END, 0)).isZero();
    }

    @Test
    default void manyUsesAtOnceThroughOneStoreOrTwoAreAllCounted() throws Exception {
        // GIVEN 8 threads, half through a second instance on the same database, each adding 10 uses at once
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> adds = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Store via = i % 2 == 0 ? store() : sameDatabase();
                Callable<List<Long>> add = () -> {
                    start.await();
                    List<Long> seen = new ArrayList<>();
                    for (int n = 0; n < 10; n++) {
                        seen.add(via.addUse(GUILD_A, 0, ASK, HOUR, HOUR_END, 1));
                    }
                    return seen;
                };
                adds.add(pool.submit(add));
            }
            // WHEN they add
            start.countDown();
            List<Long> seen = new ArrayList<>();
            for (Future<List<Long>> add : adds) {
                seen.addAll(add.get());
            }

            // THEN all 80 were counted, and each add saw a different count (no two took the same place)
            assertThat(store().addUse(GUILD_A, 0, ASK, HOUR, HOUR_END, 0)).isEqualTo(80);
            assertThat(seen).doesNotHaveDuplicates().hasSize(80);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void countersGoWithTheGuildOrTheMemberAndExpire() {
        // GIVEN counters of Alice and Bob and a guild-wide one in guild A, and Alice's in guild B
        store().addUse(GUILD_A, ALICE, ASK, HOUR, HOUR_END, 3);
        store().addUse(GUILD_A, BOB, ASK, HOUR, HOUR_END, 2);
        store().addUse(GUILD_A, 0, ASK, HOUR, HOUR.plus(Duration.ofDays(1)), 5);
        store().addUse(GUILD_B, ALICE, ASK, HOUR, HOUR_END, 4);

        // WHEN Alice is erased from guild A
        store().eraseMember(GUILD_A, ALICE);

        // THEN her counter there is gone, the others stay
        assertThat(store().addUse(GUILD_A, ALICE, ASK, HOUR, HOUR_END, 0)).isZero();
        assertThat(store().addUse(GUILD_A, BOB, ASK, HOUR, HOUR_END, 0)).isEqualTo(2);
        assertThat(store().addUse(GUILD_B, ALICE, ASK, HOUR, HOUR_END, 0)).isEqualTo(4);

        // WHEN the sweep runs at the end of the hour
        store().sweepExpired(HOUR_END);

        // THEN the hour's counters are gone, the day's stays
        assertThat(store().addUse(GUILD_A, BOB, ASK, HOUR, HOUR_END, 0)).isZero();
        assertThat(store().addUse(GUILD_A, 0, ASK, HOUR, HOUR.plus(Duration.ofDays(1)), 0)).isEqualTo(5);

        // WHEN guild A is erased
        store().eraseGuild(GUILD_A);

        // THEN its guild-wide counter is gone too
        assertThat(store().addUse(GUILD_A, 0, ASK, HOUR, HOUR.plus(Duration.ofDays(1)), 0)).isZero();
    }
}
