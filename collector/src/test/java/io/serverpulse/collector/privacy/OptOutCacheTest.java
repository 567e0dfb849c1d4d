package io.serverpulse.collector.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.privacy.MemberOptOut;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OptOutCacheTest {

    private static final long GUILD = 810_000_000_000_000_001L;
    private static final long ALICE = 300;
    private static final long BOB = 200;
    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final AtomicLong nanos = new AtomicLong();
    private final OptOutCache cache = new OptOutCache(store, Duration.ofSeconds(10), nanos::get);

    @Test
    void optOutsStoredByAnotherProcessArePickedUpByTheRefreshWithoutARestart() {
        // GIVEN a guild whose opt-outs were read when it became ready: nobody opted out
        cache.preload(GUILD);
        assertThat(cache.optedOut(GUILD, ALICE)).isFalse();

        // WHEN Alice opts out through the store (as the interactions function does in the AWS mode)
        store.optOut(new MemberOptOut(GUILD, ALICE, NOW));

        // THEN the cache serves the old state until its refresh, then hers
        assertThat(cache.optedOut(GUILD, ALICE)).isFalse();
        assertThat(cache.refreshAll()).isEqualTo(1);
        assertThat(cache.optedOut(GUILD, ALICE)).isTrue();
        assertThat(cache.optedOut(GUILD, BOB)).isFalse();
        // ... and an opt-in likewise
        store.optIn(GUILD, ALICE);
        cache.refresh(GUILD);
        assertThat(cache.optedOut(GUILD, ALICE)).isFalse();
    }

    @Test
    void whileAGuildsOptOutsCannotBeReadItsMembersAreNotCountedAndTheReadIsRetriedLater() {
        // GIVEN a store that is down when the guild's first event arrives
        store.close();

        // WHEN / THEN its members count as opted out (nobody is counted who may have asked not to be)
        assertThat(cache.optedOut(GUILD, BOB)).isTrue();
        assertThat(cache.optedOut(GUILD, BOB)).isTrue();
    }
}
