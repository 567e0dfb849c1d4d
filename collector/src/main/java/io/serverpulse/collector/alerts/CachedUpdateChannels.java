package io.serverpulse.collector.alerts;

import io.serverpulse.collector.settings.SettingsCache;
import io.serverpulse.common.discord.post.UpdateChannelStore;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import java.time.Clock;
import java.util.Objects;

/**
 * Self-hosted: remembers the update channel the poster found or created in the {@link SettingsCache}
 * at once, so that the guild's next alert (and everything else that reads the cache) uses it, and
 * saves it in the store off the posting path ({@link BackgroundWrites}) as a compare-and-set: changed
 * only if an admin did not choose a channel meanwhile.
 */
public final class CachedUpdateChannels implements UpdateChannelStore {

    private final SettingsCache cache;
    private final SettingsStore store;
    private final BackgroundWrites writes;
    private final Clock clock;

    public CachedUpdateChannels(SettingsCache cache, SettingsStore store, BackgroundWrites writes, Clock clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.store = Objects.requireNonNull(store, "store");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void remember(GuildSettings seen, long channelId) {
        long guildId = seen.guildId();
        GuildSettings cached = cache.get(guildId).orElse(seen);
        UpdateChannelStore.withChannel(cached, seen, channelId, clock).ifPresent(cache::put);
        writes.submit("save channel " + Long.toUnsignedString(channelId) + " as the update channel of guild "
                + Long.toUnsignedString(guildId), () -> cache.put(store.updateSettings(guildId,
                        current -> UpdateChannelStore.withChannel(current, seen, channelId, clock).orElse(current))));
    }
}
