package io.serverpulse.collector.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import io.serverpulse.common.store.StoreException;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SettingsCacheTest {

    private static final long GUILD = 100;
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    /** The in-memory store, which can be taken down, counting reads. */
    private static final class FlakyStore implements SettingsStore {
        final InMemoryStore store = new InMemoryStore();
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Optional<GuildSettings> findSettings(long guildId) {
            reads.incrementAndGet();
            if (down.get()) {
                throw new StoreException("down");
            }
            return store.findSettings(guildId);
        }

        @Override
        public GuildSettings updateSettings(long guildId, UnaryOperator<GuildSettings> change) {
            return store.updateSettings(guildId, change);
        }

        @Override
        public List<GuildSettings> allSettings() {
            reads.incrementAndGet();
            if (down.get()) {
                throw new StoreException("down");
            }
            return store.allSettings();
        }
    }

    private final FlakyStore store = new FlakyStore();
    private final AtomicLong nanos = new AtomicLong();
    private final SettingsCache cache = new SettingsCache(store, Duration.ofSeconds(10), nanos::get);

    @Test
    void settingsAreReadOnceAndServedFromMemory() {
        // GIVEN stored settings
        store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(1L), T));

        // WHEN they are asked for many times
        for (int i = 0; i < 1_000; i++) {
            assertThat(cache.get(GUILD).orElseThrow().collects(1L)).isTrue();
        }

        // THEN the store was read once
        assertThat(store.reads.get()).isEqualTo(1);
    }

    @Test
    void aChangeSavedElsewhereIsPickedUpByTheRefreshAndOneGuildAtOnceByRefresh() {
        // GIVEN cached settings
        cache.preload(GUILD);
        assertThat(cache.get(GUILD).orElseThrow().collects(1L)).isFalse();

        // WHEN the interactions function whitelists a channel and switches raids off
        store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(1L), T)
                .withAlert(AlertType.JOIN_RAID, GuildSettings.defaults(GUILD).alert(AlertType.JOIN_RAID).withEnabled(false), T));

        // THEN the scheduled refresh sees it
        assertThat(cache.refreshAll()).isEqualTo(1);
        assertThat(cache.get(GUILD).orElseThrow().collects(1L)).isTrue();
        assertThat(cache.require(GUILD).alert(AlertType.JOIN_RAID).enabled()).isFalse();
        assertThat(cache.refreshAll()).isZero();

        // and a command in this process refreshes its guild at once
        store.saveSettings(GuildSettings.defaults(GUILD));
        cache.refresh(GUILD);
        assertThat(cache.get(GUILD).orElseThrow().collects(1L)).isFalse();
    }

    @Test
    void whenTheStoreIsDownCachedSettingsStayAndUnknownGuildsAreRetriedOncePerInterval() {
        // GIVEN one guild cached, then the store goes down
        store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(1L), T));
        cache.preload(GUILD);
        store.down.set(true);
        int reads = store.reads.get();

        // WHEN both guilds are asked for many times, and a refresh is tried
        for (int i = 0; i < 100; i++) {
            assertThat(cache.get(GUILD)).isPresent();
            assertThat(cache.get(200)).isEmpty();
        }
        cache.refresh(GUILD);

        // THEN the cached guild keeps its settings; the unknown one cost one read, until the interval passed
        assertThat(cache.get(GUILD).orElseThrow().collects(1L)).isTrue();
        assertThat(store.reads.get() - reads).isEqualTo(2);
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        store.down.set(false);
        assertThat(cache.get(200)).contains(GuildSettings.defaults(200));
    }
}
