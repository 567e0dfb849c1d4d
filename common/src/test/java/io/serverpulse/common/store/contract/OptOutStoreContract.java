package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.ALICE;
import static io.serverpulse.common.store.contract.ContractFixtures.BOB;
import static io.serverpulse.common.store.contract.ContractFixtures.CAROL;
import static io.serverpulse.common.store.contract.ContractFixtures.GENERAL;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.privacy.MemberOptOut;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link io.serverpulse.common.privacy.OptOutStore} part of the storage contract: one opt-out per
 * guild and member, the first one kept; opt-in removes it; opt-outs are exported with their guild,
 * deleted with it, kept when the member's data is erased, and never swept.
 */
public interface OptOutStoreContract extends StoreContractPart {

    Instant SINCE = at("2026-06-10T08:00:00.125Z");

    @Test
    default void anOptOutIsKeptPerGuildAndMemberAndTheFirstOneStays() {
        // GIVEN Alice opts out in guild A, then again later; Bob opts out in guild B
        boolean first = store().optOut(new MemberOptOut(GUILD_A, ALICE, SINCE));
        boolean again = store().optOut(new MemberOptOut(GUILD_A, ALICE, SINCE.plusSeconds(60)));
        store().optOut(new MemberOptOut(GUILD_B, BOB, SINCE));

        // WHEN / THEN the first opt-out is the one kept, each guild sees only its own
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(store().optOut(GUILD_A, ALICE)).contains(new MemberOptOut(GUILD_A, ALICE, SINCE));
        assertThat(store().optOut(GUILD_B, ALICE)).isEmpty();
        assertThat(store().optedOut(GUILD_A)).containsExactly(ALICE);
        assertThat(store().optedOut(GUILD_B)).containsExactly(BOB);
        assertThat(store().allOptOuts()).containsExactly(new MemberOptOut(GUILD_A, ALICE, SINCE), new MemberOptOut(GUILD_B, BOB, SINCE));
    }

    @Test
    default void optingInRemovesTheOptOut() {
        // GIVEN Alice and Carol opted out in guild A
        store().optOut(new MemberOptOut(GUILD_A, ALICE, SINCE));
        store().optOut(new MemberOptOut(GUILD_A, CAROL, SINCE));

        // WHEN Alice opts in, twice
        boolean removed = store().optIn(GUILD_A, ALICE);
        boolean removedAgain = store().optIn(GUILD_A, ALICE);

        // THEN only her opt-out is gone
        assertThat(removed).isTrue();
        assertThat(removedAgain).isFalse();
        assertThat(store().optedOut(GUILD_A)).containsExactly(CAROL);
    }

    @Test
    default void optOutsAreExportedAndErasedWithTheirGuildOnly() {
        // GIVEN opt-outs in two guilds
        store().optOut(new MemberOptOut(GUILD_A, ALICE, SINCE));
        store().optOut(new MemberOptOut(GUILD_B, ALICE, SINCE));

        // WHEN guild A is exported, then erased
        Exported exported = Exported.of(store(), GUILD_A);
        long deleted = store().eraseGuild(GUILD_A);

        // THEN the export held guild A's opt-out, the erasure deleted it, guild B's stays
        assertThat(exported.optOuts).containsExactly(new MemberOptOut(GUILD_A, ALICE, SINCE));
        assertThat(deleted).isEqualTo(1);
        assertThat(store().optedOut(GUILD_A)).isEmpty();
        assertThat(store().optedOut(GUILD_B)).containsExactly(ALICE);
    }

    @Test
    default void erasingAMembersDataKeepsTheirOptOutAndTheSweepNeverDeletesIt() {
        // GIVEN Alice opted out and was counted before
        store().optOut(new MemberOptOut(GUILD_A, ALICE, SINCE));
        store().apply(new Activity().messages(GUILD_A, GENERAL, ALICE, at("2026-06-09T10:00:00Z"), 2).batch("before"));

        // WHEN her data is erased and everything expired is swept a century later
        store().eraseMember(GUILD_A, ALICE);
        store().sweepExpired(at("2126-01-01T00:00:00Z"));

        // THEN her opt-out still holds
        assertThat(store().optedOut(GUILD_A)).containsExactly(ALICE);
        assertThat(List.copyOf(store().allOptOuts())).hasSize(1);
    }
}
