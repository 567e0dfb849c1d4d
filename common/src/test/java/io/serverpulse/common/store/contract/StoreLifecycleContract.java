package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.ALICE;
import static io.serverpulse.common.store.contract.ContractFixtures.EVERYTHING;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.NOW;
import static io.serverpulse.common.store.contract.ContractFixtures.cached;
import static io.serverpulse.common.store.contract.ContractFixtures.mc;
import static io.serverpulse.common.store.contract.ContractFixtures.mixedBatch;
import static io.serverpulse.common.store.contract.ContractFixtures.raid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.StoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle part of the storage contract ({@link io.serverpulse.common.store.Store#describe()},
 * {@code healthy()}, {@code close()}): an open store is healthy and describes itself without
 * credentials; {@code close()} may be called more than once; a closed store is not healthy, and
 * every read or write of it throws {@link io.serverpulse.common.store.StoreException#closed} (the
 * same type and message in every adapter).
 */
public interface StoreLifecycleContract extends StoreContractPart {

    @Test
    default void openStoreIsHealthyAndDescribesItself() {
        // GIVEN an open store
        // WHEN it is asked about itself
        // THEN it is healthy and has a short description without credentials
        assertThat(store().healthy()).isTrue();
        assertThat(store().describe()).isNotBlank().doesNotContain("password").doesNotContain("@");
    }

    @Test
    default void closedStoreIsNotHealthyAndClosingTwiceIsHarmless() {
        // GIVEN a store with data
        givenActivity();

        // WHEN it is closed (twice)
        store().close();
        store().close();

        // THEN it reports itself unhealthy
        assertThat(store().healthy()).isFalse();
    }

    @Test
    default void closedStoreRefusesEveryReadAndWriteTheSameWayInEveryAdapter() {
        // GIVEN a store with data, closed
        givenActivity();
        String description = store().describe();
        store().close();

        // WHEN any read or write is asked of it
        MemberEvent join = new MemberEvent(GUILD_A, ALICE, MemberEvent.Kind.JOIN, NOW);
        Map<String, ThrowingCallable> uses = new LinkedHashMap<>();
        uses.put("findSettings", () -> store().findSettings(GUILD_A));
        uses.put("saveSettings", () -> store().saveSettings(GuildSettings.defaults(GUILD_A)));
        uses.put("allSettings", () -> store().allSettings());
        uses.put("apply", () -> store().apply(mixedBatch("after-close")));
        uses.put("topMembers", () -> top(GUILD_A, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 10));
        uses.put("buckets", () -> store().buckets(BucketKind.CHANNEL_HOUR, GUILD_A, null, null, EVERYTHING));
        uses.put("totals", () -> store().totals(BucketKind.CHANNEL_HOUR, GUILD_A, Counter.MESSAGES, EVERYTHING, 10));
        uses.put("recordMemberEvents", () -> store().recordMemberEvents(List.of(join)));
        uses.put("memberEvents", () -> store().memberEvents(GUILD_A, EVERYTHING));
        uses.put("saveAlert", () -> store().saveAlert(raid(GUILD_A, NOW)));
        uses.put("alerts", () -> store().alerts(GUILD_A, EVERYTHING));
        uses.put("saveSummary", () -> store().saveSummary(new AiSummary(GUILD_A, "k", AiProvider.GEMINI, "", "t", NOW)));
        uses.put("summary", () -> store().summary(GUILD_A, "k"));
        uses.put("saveLeaderboard", () -> store().saveLeaderboard(cached(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS, NOW,
                List.of(mc(ALICE, 1)))));
        uses.put("leaderboard", () -> store().leaderboard(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS));
        uses.put("exportGuild", () -> Exported.of(store(), GUILD_A));
        uses.put("eraseGuild", () -> store().eraseGuild(GUILD_A));
        uses.put("eraseMember", () -> store().eraseMember(GUILD_A, ALICE));
        uses.put("sweepExpired", () -> store().sweepExpired(NOW));

        // THEN each fails with a StoreException saying which store is closed, worded alike by every adapter
        uses.forEach((name, use) -> assertThatThrownBy(use).as(name)
                .isInstanceOf(StoreException.class)
                .hasMessage("the store " + description + " is closed"));
        assertThat(store().describe()).isEqualTo(description);
    }

}
