package io.serverpulse.collector.gateway;

/**
 * What the recorder did with the gateway events it was handed, since start.
 *
 * @param received gateway events handed to the recorder (messages, reactions, deletions, joins,
 *     leaves, voice updates)
 * @param recorded activity events it produced (a voice move gives two; a bulk delete one)
 * @param notCollected channel events in channels the guild did not whitelist
 * @param fromBots messages and reactions by bots in guilds that do not count bots
 * @param settingsUnavailable channel events skipped because the guild's settings could not be read
 */
public record RecorderStats(long received, long recorded, long notCollected, long fromBots, long settingsUnavailable) {
}
