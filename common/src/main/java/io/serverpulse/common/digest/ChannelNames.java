package io.serverpulse.common.digest;

import java.util.Collection;
import java.util.Map;

/**
 * Display names of channels, looked up when a chart is drawn and never stored: ServerPulse keeps ids only,
 * and the embed shows channels by mention, which Discord renders itself. A lookup that fails answers fewer
 * names (or none); the chart then labels those bars by rank.
 */
@FunctionalInterface
public interface ChannelNames {

    /** No lookup: every bar is labelled by rank. */
    ChannelNames NONE = (guildId, channelIds) -> Map.of();

    /** The names (without {@code #}) of those of {@code channelIds} that could be resolved now. */
    Map<Long, String> names(long guildId, Collection<Long> channelIds);
}
