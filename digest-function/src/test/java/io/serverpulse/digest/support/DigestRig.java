package io.serverpulse.digest.support;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.digest.DigestComposer;
import io.serverpulse.common.digest.DigestDelivery;
import io.serverpulse.common.digest.RestChannelNames;
import io.serverpulse.common.discord.post.UpdateChannelStore;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.ChannelRecord;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A simulated fortnight stored the way the collector stores it (SQLite), the discord-emulator as Discord (its
 * REST server checks every body the bot sends against Discord's spec), and a {@link DigestDelivery} wired as a
 * deployment wires it: the one poster over {@link DiscordRest} with the bot's token, channel names looked up
 * over REST for the charts.
 */
public final class DigestRig implements AutoCloseable {

    private final SimulatedCommunity sim;
    private final GroundTruth truth;
    private final List<AlertRecord> alerts;
    private final SqliteStore store;
    private final DiscordEmulator discord;

    public DigestRig(Path dir, int events) {
        sim = Fortnight.of(events);
        Set<Long> sentiment = Set.of(sim.communities().get(0).guildId());
        truth = sim.groundTruth(false, sentiment);
        store = SqliteStore.open(dir);
        alerts = SimulatedStore.fill(store, sim, truth, sentiment, 5_000);
        discord = DiscordEmulator.builder(sim.communities()).start();
    }

    public Community guild() {
        return sim.communities().get(0);
    }

    public Community otherGuild() {
        return sim.communities().get(1);
    }

    public GroundTruth truth() {
        return truth;
    }

    public List<AlertRecord> alerts() {
        return alerts;
    }

    public Store store() {
        return store;
    }

    public DiscordEmulator discord() {
        return discord;
    }

    /** The guild's weekly digest settings in {@code zone} with {@code locale}, stored. */
    public GuildSettings weekly(Community guild, String zone, String locale) {
        return store.updateSettings(guild.guildId(), current -> current.withDigest(DigestFrequency.WEEKLY, Instant.EPOCH)
                .withTimeZone(zone, Instant.EPOCH).withLocale(locale, Instant.EPOCH)
                .withSentiment(guild == guild(), Instant.EPOCH));
    }

    public DiscordRest rest() {
        return DiscordRest.create(discord.restBaseUrl(), Optional.of(discord.token()));
    }

    /** A delivery as one process (or one Lambda container) has it: its own poster, its own REST client. */
    public DigestDelivery delivery(Clock clock, String instance) {
        DiscordRest rest = rest();
        UpdatePoster poster = new UpdatePoster(rest, UpdateChannelStore.of(store, clock));
        return new DigestDelivery(store, DigestComposer.of(store, new RestChannelNames(rest)), poster, clock, instance);
    }

    /** The channels the bot created (#serverpulse-updates where none was set). */
    public List<ChannelRecord> channelsCreated() {
        return discord.recorded().channelsCreated();
    }

    /** The bot's messages in the guild's update channel (as stored in its settings). */
    public List<StoredMessage> updates(Community guild) {
        Long channel = store.settings(guild.guildId()).updateChannelId();
        return channel == null ? List.of() : discord.recorded().messages(channel);
    }

    @Override
    public void close() {
        discord.close();
        store.close();
    }
}
