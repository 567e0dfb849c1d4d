package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.ALICE;
import static io.serverpulse.common.store.contract.ContractFixtures.BOB;
import static io.serverpulse.common.store.contract.ContractFixtures.CAROL;
import static io.serverpulse.common.store.contract.ContractFixtures.DAVE;
import static io.serverpulse.common.store.contract.ContractFixtures.ERIN;
import static io.serverpulse.common.store.contract.ContractFixtures.GENERAL;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static io.serverpulse.common.store.contract.ContractFixtures.cached;
import static io.serverpulse.common.store.contract.ContractFixtures.mc;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link io.serverpulse.common.leaderboard.LeaderboardCacheStore} part of the storage contract:
 * one cached leaderboard per guild, channel, counter and period, entries kept in order. A cached
 * leaderboard expires at {@link io.serverpulse.common.leaderboard.CachedLeaderboard#computedAt()}
 * plus the guild's leaderboard retention.
 */
public interface LeaderboardCacheStoreContract extends StoreContractPart {

    @Test
    default void leaderboardCacheKeepsOnePerGuildChannelCounterAndPeriod() {
        // GIVEN cached leaderboards that differ in one key part each
        CachedLeaderboard weekly = cached(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"),
                List.of(mc(DAVE, 9), mc(CAROL, 4), mc(BOB, 4)));
        CachedLeaderboard general = cached(GUILD_A, GENERAL, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"),
                List.of(mc(ALICE, 1)));
        CachedLeaderboard reactions = cached(GUILD_A, 0, Counter.REACTIONS, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"), List.of());
        CachedLeaderboard monthly = cached(GUILD_A, 0, Counter.MESSAGES, Period.LAST_30_DAYS, at("2026-06-15T10:00:00Z"),
                List.of(mc(ERIN, 70)));
        CachedLeaderboard otherGuild = cached(GUILD_B, 0, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"),
                List.of(mc(ALICE, 100)));
        for (CachedLeaderboard l : List.of(weekly, general, reactions, monthly, otherGuild)) {
            store().saveLeaderboard(l);
        }

        // WHEN the weekly one is recomputed
        CachedLeaderboard recomputed = cached(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T11:00:00.001Z"),
                List.of(mc(CAROL, 5), mc(DAVE, 5)));
        store().saveLeaderboard(recomputed);

        // THEN it replaced the old one, entries in order, and the others are untouched
        assertThat(store().leaderboard(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS)).contains(recomputed);
        assertThat(store().leaderboard(GUILD_A, GENERAL, Counter.MESSAGES, Period.LAST_7_DAYS)).contains(general);
        assertThat(store().leaderboard(GUILD_A, 0, Counter.REACTIONS, Period.LAST_7_DAYS)).contains(reactions);
        assertThat(store().leaderboard(GUILD_A, 0, Counter.MESSAGES, Period.LAST_30_DAYS)).contains(monthly);
        assertThat(store().leaderboard(GUILD_B, 0, Counter.MESSAGES, Period.LAST_7_DAYS)).contains(otherGuild);
        assertThat(store().leaderboard(GUILD_A, 0, Counter.MESSAGES, Period.ALL_TIME)).isEmpty();
    }

}
