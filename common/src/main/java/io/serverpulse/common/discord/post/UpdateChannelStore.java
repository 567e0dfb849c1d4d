package io.serverpulse.common.discord.post;

import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@link UpdateChannels} saves a channel it found or created as the guild's update channel.
 * The collector keeps its settings cache in step and writes off the posting path; {@link #of} is the
 * plain version (alert-function).
 */
@FunctionalInterface
public interface UpdateChannelStore {

    /**
     * Saves {@code channelId} as the update channel of {@code seen.guildId()}, {@code seen} being the
     * settings it was resolved from. Failures are the implementation's to log: the post goes on.
     */
    void remember(GuildSettings seen, long channelId);

    /**
     * Saves into {@code store} at once, as a compare-and-set ({@link SettingsStore#updateSettings}): changes
     * only the update channel, and only if it is still the one the channel was resolved from (an admin
     * who chose one meanwhile keeps it).
     */
    static UpdateChannelStore of(SettingsStore store, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Logger log = LoggerFactory.getLogger(UpdateChannelStore.class);
        return (seen, channelId) -> {
            try {
                store.updateSettings(seen.guildId(), current -> withChannel(current, seen, channelId, clock).orElse(current));
            } catch (RuntimeException e) {
                log.warn("Could not save #{} as the update channel of guild {}: {}", UpdateChannels.DEFAULT_NAME,
                        Long.toUnsignedString(seen.guildId()), e.toString());
            }
        };
    }

    /**
     * {@code current} with {@code channelId} as its update channel, or empty if there is nothing to save:
     * it already has that channel, or an admin chose another one since {@code seen} was read.
     */
    static Optional<GuildSettings> withChannel(GuildSettings current, GuildSettings seen, long channelId, Clock clock) {
        if (!Objects.equals(current.updateChannelId(), seen.updateChannelId())) {
            return Optional.empty();
        }
        return Optional.of(current.withUpdateChannel(channelId, clock.instant()));
    }
}
