package io.serverpulse.common.discord.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UpdateChannelStoreTest {

    private static final long GUILD = 42;
    private static final Instant T = Instant.parse("2026-03-09T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);

    @Test
    void aChannelFoundForAGuildWithoutOneIsSavedKeepingTheOtherSettings() {
        // GIVEN a guild with a whitelist and no update channel
        InMemoryStore store = new InMemoryStore();
        GuildSettings seen = GuildSettings.defaults(GUILD).withCollectChannels(java.util.Set.of(7L), T.minusSeconds(60));
        store.saveSettings(seen);

        // WHEN the poster remembers the channel it created
        UpdateChannelStore.of(store, CLOCK).remember(seen, 99);

        // THEN it is the update channel, and the whitelist is still there
        assertThat(store.settings(GUILD).updateChannelId()).isEqualTo(99L);
        assertThat(store.settings(GUILD).collectChannels()).containsExactly(7L);
    }

    @Test
    void aChannelAnAdminChoseMeanwhileIsKept() {
        // GIVEN the poster resolved from settings without a channel, and an admin has since chosen #general
        InMemoryStore store = new InMemoryStore();
        GuildSettings seen = GuildSettings.defaults(GUILD);
        store.saveSettings(seen.withUpdateChannel(5L, T.minusSeconds(1)));

        // WHEN the poster remembers the channel it created
        UpdateChannelStore.of(store, CLOCK).remember(seen, 99);

        // THEN the admin's choice stands
        assertThat(store.settings(GUILD).updateChannelId()).isEqualTo(5L);
    }

    @Test
    void aStoreThatFailsIsLoggedAndDoesNotStopThePost() {
        // GIVEN a closed store
        InMemoryStore store = new InMemoryStore();
        store.close();

        // WHEN / THEN remembering does not throw
        UpdateChannelStore.of(store, CLOCK).remember(GuildSettings.defaults(GUILD), 99);
    }
}
