package io.serverpulse.collector.digests;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.digest.DigestDelivery;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DigestTimerTest {

    private static final long SLOW_GUILD = 1_000_000_000_000_000_001L;
    private static final long OTHER_GUILD = 1_000_000_000_000_000_002L;
    /** Monday 2026-03-09 00:11 UTC: the weekly digests of the week before are due (00:10). */
    private static final Instant MONDAY = Instant.parse("2026-03-09T00:11:00Z");

    @Test
    void aGuildWhoseDigestTakesLongDoesNotHoldUpAnotherGuildsDigest() throws Exception {
        // GIVEN two guilds with weekly digests, both due now, and a delivery that hangs for the first guild (as a
        // digest does while its AI provider uses its whole budget)
        InMemoryStore store = new InMemoryStore();
        for (long guild : new long[] {SLOW_GUILD, OTHER_GUILD}) {
            store.updateSettings(guild, s -> s.withDigest(DigestFrequency.WEEKLY, MONDAY.minus(Duration.ofDays(30))));
        }
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherPosted = new CountDownLatch(1);
        Set<Long> delivered = ConcurrentHashMap.newKeySet();
        DigestTimer.Deliverer delivery = (settings, period) -> {
            if (settings.guildId() == SLOW_GUILD) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            delivered.add(settings.guildId());
            if (settings.guildId() == OTHER_GUILD) {
                otherPosted.countDown();
            }
            return DigestDelivery.Outcome.POSTED;
        };

        // WHEN the timer runs
        DigestTimer timer = new DigestTimer(store, delivery, () -> new long[] {SLOW_GUILD, OTHER_GUILD},
                Clock.fixed(MONDAY, ZoneOffset.UTC), Duration.ofMinutes(1)).start();
        try {
            // THEN the other guild's digest is delivered while the slow one is still under way
            assertThat(otherPosted.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(delivered).containsExactly(OTHER_GUILD);

            // AND the slow one is delivered once it finishes
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!delivered.contains(SLOW_GUILD) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(delivered).containsExactlyInAnyOrder(SLOW_GUILD, OTHER_GUILD);
        } finally {
            release.countDown();
            timer.close();
        }
    }
}
