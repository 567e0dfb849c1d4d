package io.serverpulse.demo;

import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.state.ChannelRecord;
import io.serverpulse.emulator.state.MessageSource;
import io.serverpulse.emulator.state.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the bot posted in the guild's channels, as members watching them saw it: each message as it
 * was posted, then each edit, read from what the emulator received (so it shows alerts however the
 * bot posts them), dated in simulated time. {@link #poll} hands out what happened up to a moment, in
 * order, each item once.
 */
final class ChannelFeed {

    /** Something a member saw happen in a channel. */
    record Item(Instant at, List<String> lines) {
    }

    private final DiscordEmulator discord;
    private final long guildId;
    private final DiscordView view;
    private final List<Item> pending = new ArrayList<>();
    private int seen;

    ChannelFeed(DiscordEmulator discord, long guildId, DiscordView view) {
        this.discord = discord;
        this.guildId = guildId;
        this.view = view;
    }

    /**
     * What happened up to {@code until} and was not handed out yet, in time order. Later items wait:
     * the bot posts a moment after the event that caused it, and the caller asks with a margin.
     */
    List<Item> poll(Instant until) {
        List<StoredMessage> versions = discord.recorded().messageVersions();
        for (; seen < versions.size(); seen++) {
            StoredMessage version = versions.get(seen);
            if (version.source() == MessageSource.CHANNEL && version.guildId() == guildId) {
                pending.add(item(version));
            }
        }
        pending.sort(Comparator.comparing(Item::at));
        List<Item> due = new ArrayList<>();
        while (!pending.isEmpty() && !pending.get(0).at().isAfter(until)) {
            due.add(pending.remove(0));
        }
        return due;
    }

    private Item item(StoredMessage version) {
        String channel = "#" + discord.state().channel(version.channelId()).map(ChannelRecord::name).orElse("?");
        List<String> lines = new ArrayList<>();
        boolean edit = version.editedAt() != null;
        lines.add(edit ? "ServerPulse edited its message in " + channel + ":" : "ServerPulse posted in " + channel + ":");
        view.lines(version).forEach(line -> lines.add("  " + line));
        return new Item(edit ? version.editedAt() : version.timestamp(), lines);
    }
}
