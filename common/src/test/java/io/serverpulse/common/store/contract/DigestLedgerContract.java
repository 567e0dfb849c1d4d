package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.GENERAL;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.digest.DigestRecord;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.GuildDataVisitor;
import io.serverpulse.common.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@link io.serverpulse.common.digest.DigestLedger} part of the storage contract: one record per guild and
 * period, claimed by one attempt at a time (atomically, through one store and through two on one database),
 * taken over once its lease ran out, marked posted by its owner only, kept for the guild's metrics retention,
 * exported and erased with the guild.
 */
public interface DigestLedgerContract extends StoreContractPart {

    String WEEK = "weekly:2026-06-08";
    Duration LEASE = Duration.ofMinutes(10);
    Instant T0 = at("2026-06-15T03:10:00.250Z");

    /** Another instance on the same database, as a second process would open it. */
    Store sameDatabase();

    @Test
    default void theFirstClaimWinsAndAnExpiredClaimIsTakenOver() {
        // GIVEN attempt a claims guild A's week
        DigestRecord first = store().claimDigest(GUILD_A, WEEK, "attempt-a", T0, LEASE);

        // WHEN attempt b tries within the lease, and again after it
        DigestRecord during = store().claimDigest(GUILD_A, WEEK, "attempt-b", T0.plus(LEASE).minusMillis(1), LEASE);
        DigestRecord after = store().claimDigest(GUILD_A, WEEK, "attempt-b", T0.plus(LEASE), LEASE);

        // THEN a held it first, b's first try left it alone, b's second took it over
        assertThat(first).isEqualTo(new DigestRecord(GUILD_A, WEEK, "attempt-a", T0, null, null, null));
        assertThat(during).isEqualTo(first);
        assertThat(after).isEqualTo(new DigestRecord(GUILD_A, WEEK, "attempt-b", T0.plus(LEASE), null, null, null));
        assertThat(store().digestRecord(GUILD_A, WEEK)).contains(after);
        // AND an attempt may claim again what it holds (a retry of the same attempt)
        assertThat(store().claimDigest(GUILD_A, WEEK, "attempt-b", T0.plus(LEASE).plusSeconds(1), LEASE).claimedAt())
                .isEqualTo(T0.plus(LEASE).plusSeconds(1));
    }

    @Test
    default void onlyTheOwnerMarksItPostedAndAPostedDigestIsNeverClaimedAgain() {
        // GIVEN attempt a's claim, taken over by b
        store().claimDigest(GUILD_A, WEEK, "attempt-a", T0, LEASE);
        store().claimDigest(GUILD_A, WEEK, "attempt-b", T0.plus(LEASE), LEASE);

        // WHEN a (who lost it) and b (who holds it) say they posted
        boolean byA = store().digestPosted(GUILD_A, WEEK, "attempt-a", GENERAL, 1_400_000_000_000_000_001L, T0.plusSeconds(700));
        boolean byB = store().digestPosted(GUILD_A, WEEK, "attempt-b", GENERAL, 1_400_000_000_000_000_002L, T0.plusSeconds(701));

        // THEN only b's message is recorded
        DigestRecord posted = new DigestRecord(GUILD_A, WEEK, "attempt-b", T0.plus(LEASE), T0.plusSeconds(701), GENERAL,
                1_400_000_000_000_000_002L);
        assertThat(byA).isFalse();
        assertThat(byB).isTrue();
        assertThat(store().digestRecord(GUILD_A, WEEK)).contains(posted);
        // AND no later attempt, however late, claims it again; b saying so twice changes nothing
        assertThat(store().claimDigest(GUILD_A, WEEK, "attempt-c", T0.plus(Duration.ofDays(3)), LEASE)).isEqualTo(posted);
        assertThat(store().digestPosted(GUILD_A, WEEK, "attempt-b", GENERAL, 1_400_000_000_000_000_003L, T0.plusSeconds(900))).isTrue();
        assertThat(store().digestRecord(GUILD_A, WEEK)).contains(posted);
    }

    @Test
    default void recordsAreKeptPerGuildAndPeriod() {
        // GIVEN guild A's week claimed and posted
        store().claimDigest(GUILD_A, WEEK, "attempt-a", T0, LEASE);
        store().digestPosted(GUILD_A, WEEK, "attempt-a", GENERAL, 1_400_000_000_000_000_001L, T0.plusSeconds(5));

        // WHEN guild B claims the same week, and guild A the next one
        DigestRecord otherGuild = store().claimDigest(GUILD_B, WEEK, "attempt-b", T0, LEASE);
        DigestRecord nextWeek = store().claimDigest(GUILD_A, "weekly:2026-06-15", "attempt-c", T0, LEASE);

        // THEN each is a fresh claim of its own; unknown periods have no record
        assertThat(otherGuild.owner()).isEqualTo("attempt-b");
        assertThat(otherGuild.posted()).isFalse();
        assertThat(nextWeek.owner()).isEqualTo("attempt-c");
        assertThat(store().digestRecord(GUILD_B, "daily:2026-06-14")).isEmpty();
    }

    @Test
    default void ofManyAttemptsAtOnceOneGetsTheClaimThroughOneStoreOrTwo() throws Exception {
        for (Store second : List.of(store(), sameDatabase())) {
            // GIVEN 8 attempts, half through a second instance on the same database, all at the same moment
            String period = "daily:2026-06-1" + (second == store() ? "3" : "4");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<DigestRecord>> claims = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Store via = i % 2 == 0 ? store() : second;
                    String owner = "attempt-" + i;
                    Callable<DigestRecord> claim = () -> {
                        start.await();
                        return via.claimDigest(GUILD_A, period, owner, T0, LEASE);
                    };
                    claims.add(pool.submit(claim));
                }
                // WHEN they claim
                start.countDown();
                List<DigestRecord> seen = new ArrayList<>();
                for (Future<DigestRecord> claim : claims) {
                    seen.add(claim.get());
                }

                // THEN every attempt sees the same single owner
                Set<String> owners = seen.stream().map(DigestRecord::owner).collect(Collectors.toSet());
                assertThat(owners).hasSize(1);
                assertThat(store().digestRecord(GUILD_A, period).orElseThrow().owner()).isEqualTo(owners.iterator().next());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    default void recordsExpireWithTheGuildsMetricsRetentionAndGoWithTheGuild() {
        // GIVEN guild A keeps metrics 30 days, and has a posted digest; guild B a claim
        store().updateSettings(GUILD_A, s -> GuildSettings.defaults(GUILD_A).withRetention(new Retention(30, 7, 60), T0));
        store().claimDigest(GUILD_A, WEEK, "attempt-a", T0, LEASE);
        store().digestPosted(GUILD_A, WEEK, "attempt-a", GENERAL, 1_400_000_000_000_000_001L, T0.plusSeconds(5));
        store().claimDigest(GUILD_B, WEEK, "attempt-b", T0, LEASE);

        // WHEN guild A is exported
        List<DigestRecord> exported = new ArrayList<>();
        store().exportGuild(GUILD_A, new GuildDataVisitor() {
            @Override
            public void digest(DigestRecord digest) {
                exported.add(digest);
            }
        });

        // THEN its record is in its export
        assertThat(exported).extracting(DigestRecord::guildId).containsExactly(GUILD_A);

        // AND a sweep just before 30 days keeps it, at 30 days deletes it; guild B's (90 days) stays
        store().sweepExpired(T0.plus(Duration.ofDays(30)).minusMillis(1));
        assertThat(store().digestRecord(GUILD_A, WEEK)).isPresent();
        store().sweepExpired(T0.plus(Duration.ofDays(30)));
        assertThat(store().digestRecord(GUILD_A, WEEK)).isEmpty();
        assertThat(store().digestRecord(GUILD_B, WEEK)).isPresent();

        // AND erasing guild B deletes its record
        assertThat(store().eraseGuild(GUILD_B)).isGreaterThanOrEqualTo(1);
        assertThat(store().digestRecord(GUILD_B, WEEK)).isEmpty();
    }
}
