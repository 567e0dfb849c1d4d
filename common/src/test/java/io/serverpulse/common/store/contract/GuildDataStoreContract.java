package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.ALICE;
import static io.serverpulse.common.store.contract.ContractFixtures.BOB;
import static io.serverpulse.common.store.contract.ContractFixtures.EVERYTHING;
import static io.serverpulse.common.store.contract.ContractFixtures.GENERAL;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.RANDOM;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static io.serverpulse.common.store.contract.ContractFixtures.cached;
import static io.serverpulse.common.store.contract.ContractFixtures.everyFieldChanged;
import static io.serverpulse.common.store.contract.ContractFixtures.mc;
import static io.serverpulse.common.store.contract.ContractFixtures.raid;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.privacy.MemberErasure;
import io.serverpulse.common.settings.GuildSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The export and erasure half of the {@link io.serverpulse.common.store.GuildDataStore} part of the
 * storage contract (the retention sweep is {@link RetentionContract}): an export hands over every
 * row of the guild and nothing else; {@code eraseGuild} deletes them all and returns the number of
 * rows an export of the guild visited just before; {@code eraseMember} deletes the member's own
 * rows and events and the guild's cached leaderboards that list them.
 */
public interface GuildDataStoreContract extends StoreContractPart {

    /** What {@code givenTwoGuildsWithEverything} stored for guild A, and guild B's batch. */
    record TwoGuilds(MetricBatch batchA, MetricBatch batchB, List<MemberEvent> eventsA, List<AlertRecord> alertsA,
                     AiSummary summaryA, CachedLeaderboard leaderboardA) {
    }

    /** Every kind of row, for guild A and guild B, with the same channel and member ids. */
    private TwoGuilds givenTwoGuildsWithEverything() {
        store().saveSettings(everyFieldChanged(GUILD_A));
        store().saveSettings(GuildSettings.defaults(GUILD_B).withLocale("fr", at("2026-06-01T00:00:00Z")));
        MetricBatch batchA = new Activity()
                .messages(GUILD_A, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 3)
                .messages(GUILD_A, GENERAL, BOB, at("2026-06-14T10:05:00Z"), 2)
                .reactions(GUILD_A, RANDOM, ALICE, "👍", at("2026-06-15T10:06:00Z"), 1)
                .joins(GUILD_A, ALICE, at("2026-06-01T10:00:00Z"))
                .batch("two-guilds-a");
        MetricBatch batchB = new Activity()
                .messages(GUILD_B, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 8)
                .reactions(GUILD_B, RANDOM, BOB, "👍", at("2026-06-15T10:06:00Z"), 4)
                .batch("two-guilds-b");
        store().apply(batchA);
        store().apply(batchB);
        List<MemberEvent> eventsA = List.of(
                new MemberEvent(GUILD_A, ALICE, MemberEvent.Kind.JOIN, at("2026-06-01T10:00:00Z")),
                new MemberEvent(GUILD_A, BOB, MemberEvent.Kind.LEAVE, at("2026-06-02T10:00:00Z")));
        store().recordMemberEvents(eventsA);
        store().recordMemberEvents(List.of(new MemberEvent(GUILD_B, ALICE, MemberEvent.Kind.JOIN, at("2026-06-01T10:00:00Z"))));
        List<AlertRecord> alertsA = List.of(raid(GUILD_A, at("2026-06-03T10:00:00Z")));
        store().saveAlert(alertsA.get(0));
        store().saveAlert(raid(GUILD_B, at("2026-06-03T10:00:00Z")));
        AiSummary summaryA = new AiSummary(GUILD_A, "weekly:2026-06-08", AiProvider.GEMINI, "m", "A's week", at("2026-06-15T06:00:00Z"));
        store().saveSummary(summaryA);
        store().saveSummary(new AiSummary(GUILD_B, "weekly:2026-06-08", AiProvider.GEMINI, "m", "B's week", at("2026-06-15T06:00:00Z")));
        CachedLeaderboard leaderboardA = cached(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"),
                List.of(mc(ALICE, 3), mc(BOB, 2)));
        store().saveLeaderboard(leaderboardA);
        store().saveLeaderboard(cached(GUILD_B, 0, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"), List.of(mc(ALICE, 8))));
        return new TwoGuilds(batchA, batchB, eventsA, alertsA, summaryA, leaderboardA);
    }

    @Test
    default void exportHandsOverEveryRowOfTheGuildAndNothingElse() {
        // GIVEN two guilds with every kind of row
        TwoGuilds data = givenTwoGuildsWithEverything();

        // WHEN guild A is exported
        Exported exported = Exported.of(store(), GUILD_A);

        // THEN exactly guild A's rows are handed over
        assertThat(exported.settings).containsExactly(everyFieldChanged(GUILD_A));
        assertThat(exported.buckets).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(data.batchA()));
        assertThat(exported.memberEvents).containsExactlyInAnyOrderElementsOf(data.eventsA());
        assertThat(exported.alerts).containsExactlyElementsOf(data.alertsA());
        assertThat(exported.summaries).containsExactly(data.summaryA());
        assertThat(exported.leaderboards).containsExactly(data.leaderboardA());
    }

    @Test
    default void exportOfAGuildWithoutDataIsEmpty() {
        // GIVEN another guild's data only
        givenTwoGuildsWithEverything();

        // WHEN a third guild is exported
        Exported exported = Exported.of(store(), 810_000_000_000_000_099L);

        // THEN nothing is handed over
        assertThat(exported.rows()).isZero();
    }

    @Test
    default void eraseGuildDeletesEverythingOfThatGuildOnly() {
        // GIVEN two guilds with every kind of row
        TwoGuilds data = givenTwoGuildsWithEverything();
        long rowsOfA = Exported.of(store(), GUILD_A).rows();
        Exported before = Exported.of(store(), GUILD_B);

        // WHEN guild A is erased
        long deleted = store().eraseGuild(GUILD_A);

        // THEN all its rows are gone and counted, guild B is untouched
        assertThat(deleted).isEqualTo(rowsOfA);
        assertThat(Exported.of(store(), GUILD_A).rows()).isZero();
        assertThat(store().findSettings(GUILD_A)).isEmpty();
        assertThat(top(GUILD_A, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 10)).isEmpty();
        assertThat(store().allSettings()).extracting(GuildSettings::guildId).containsExactly(GUILD_B);
        Exported after = Exported.of(store(), GUILD_B);
        assertThat(after.buckets).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(data.batchB()));
        assertThat(after).usingRecursiveComparison().isEqualTo(before);
        assertThat(store().eraseGuild(GUILD_A)).isZero();
    }

    @Test
    default void eraseMemberDeletesTheirMemberRowsAndEventsOnly() {
        // GIVEN Alice active in both guilds, and a cached reaction leaderboard of guild A without her
        TwoGuilds data = givenTwoGuildsWithEverything();
        CachedLeaderboard withoutAlice = cached(GUILD_A, RANDOM, Counter.REACTIONS, Period.LAST_7_DAYS,
                at("2026-06-15T10:00:00Z"), List.of(mc(BOB, 1)));
        store().saveLeaderboard(withoutAlice);
        List<BucketRow> channelRowsBefore = store().buckets(BucketKind.CHANNEL_HOUR, GUILD_A, null, null, EVERYTHING);
        long aliceRows = Activity.rowsOf(data.batchA()).stream().filter(row -> row.key().memberId() == ALICE).count()
                + data.eventsA().stream().filter(e -> e.memberId() == ALICE).count()
                + 1; // guild A's cached message leaderboard lists her

        long aliceHours = Activity.rowsOf(data.batchA()).stream()
                .filter(row -> row.key().memberId() == ALICE && row.key().kind() == BucketKind.MEMBER_HOUR).count();

        // WHEN Alice is erased from guild A
        MemberErasure deleted = store().eraseMember(GUILD_A, ALICE);

        // THEN her member rows and events in guild A are gone and counted by kind; channel totals, Bob, and guild B stay
        assertThat(deleted.total()).isEqualTo(aliceRows);
        assertThat(deleted.memberHourRows()).isEqualTo(aliceHours).isPositive();
        assertThat(deleted.memberEvents()).isEqualTo(1);
        assertThat(deleted.cachedLeaderboards()).isEqualTo(1);
        assertThat(store().buckets(BucketKind.MEMBER_DAY, GUILD_A, null, ALICE, EVERYTHING)).isEmpty();
        assertThat(store().buckets(BucketKind.MEMBER_HOUR, GUILD_A, null, ALICE, EVERYTHING)).isEmpty();
        assertThat(store().memberEvents(GUILD_A, EVERYTHING)).extracting(MemberEvent::memberId).containsExactly(BOB);
        assertThat(top(GUILD_A, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 10)).containsExactly(mc(BOB, 2));
        assertThat(store().buckets(BucketKind.CHANNEL_HOUR, GUILD_A, null, null, EVERYTHING)).isEqualTo(channelRowsBefore);
        assertThat(top(GUILD_B, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 10)).containsExactly(mc(ALICE, 8));
        assertThat(store().memberEvents(GUILD_B, EVERYTHING)).extracting(MemberEvent::memberId).containsExactly(ALICE);
        // no cached leaderboard of guild A still names her (it is recomputed on the next request)
        assertThat(store().leaderboard(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS)).isEmpty();
        assertThat(store().leaderboard(GUILD_A, RANDOM, Counter.REACTIONS, Period.LAST_7_DAYS)).contains(withoutAlice);
        assertThat(store().leaderboard(GUILD_B, 0, Counter.MESSAGES, Period.LAST_7_DAYS)).isPresent();
    }

}
