package io.serverpulse.common.commands;

import io.serverpulse.common.settings.GuildSettings;

/**
 * A settings change as it was stored ({@link CommandContext#updateSettings}): {@code after} is what
 * is stored now, {@code before} what it was computed from (the stored settings at that moment, which
 * may include another admin's change made while this one was running). A reply is computed from
 * these, never from the settings read before the change, so it tells what is stored.
 */
public record SettingsChange(GuildSettings before, GuildSettings after) {

    /** Whether this change wrote anything (false when it found nothing to do). */
    public boolean changed() {
        return before != after;
    }
}
