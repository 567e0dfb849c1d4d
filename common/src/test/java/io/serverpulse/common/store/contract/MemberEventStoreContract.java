package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.ALICE;
import static io.serverpulse.common.store.contract.ContractFixtures.BOB;
import static io.serverpulse.common.store.contract.ContractFixtures.CAROL;
import static io.serverpulse.common.store.contract.ContractFixtures.EVERYTHING;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.TimeWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link io.serverpulse.common.members.MemberEventStore} part of the storage contract: each
 * join or leave is stored once, read oldest first (then by id) in a half-open window, for its guild
 * only. A member event expires at {@link io.serverpulse.common.members.MemberEvent#at()} plus the
 * guild's metrics retention.
 */
public interface MemberEventStoreContract extends StoreContractPart {

    @Test
    default void memberEventsAreStoredOnceAndReadOldestFirst() {
        // GIVEN joins and leaves, one of them delivered twice in one call and again in another
        MemberEvent aliceJoin = new MemberEvent(GUILD_A, ALICE, MemberEvent.Kind.JOIN, at("2026-06-15T10:00:00.001Z"));
        MemberEvent aliceLeave = new MemberEvent(GUILD_A, ALICE, MemberEvent.Kind.LEAVE, at("2026-06-15T10:00:00.001Z"));
        MemberEvent bobJoin = new MemberEvent(GUILD_A, BOB, MemberEvent.Kind.JOIN, at("2026-06-15T09:30:00Z"));
        MemberEvent carolJoin = new MemberEvent(GUILD_A, CAROL, MemberEvent.Kind.JOIN, at("2026-06-15T11:00:00Z"));
        MemberEvent otherGuild = new MemberEvent(GUILD_B, ALICE, MemberEvent.Kind.JOIN, at("2026-06-15T10:00:00.001Z"));

        // WHEN they are recorded
        store().recordMemberEvents(List.of(aliceJoin, aliceLeave, aliceJoin, bobJoin, carolJoin, otherGuild));
        store().recordMemberEvents(List.of(aliceJoin, bobJoin));
        store().recordMemberEvents(List.of());

        // THEN each is stored once, read oldest first, in a half-open window, for its guild only
        assertThat(store().memberEvents(GUILD_A, new TimeWindow(at("2026-06-15T00:00:00Z"), at("2026-06-15T11:00:00Z"))))
                .containsExactly(bobJoin, aliceJoin, aliceLeave);
        assertThat(store().memberEvents(GUILD_A, EVERYTHING)).containsExactly(bobJoin, aliceJoin, aliceLeave, carolJoin);
        assertThat(store().memberEvents(GUILD_B, EVERYTHING)).containsExactly(otherGuild);
    }

}
