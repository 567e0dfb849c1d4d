package io.serverpulse.common.digest;

import io.serverpulse.common.settings.GuildSettings;

/**
 * Where a guild's digest schedule is kept outside the process: in the AWS mode one EventBridge Scheduler
 * schedule per guild ({@code aws-scheduler}). Self-hosted, the collector's own scheduler reads the settings and
 * needs none of this.
 */
public interface DigestSchedules {

    /** What {@link #sync} did. */
    enum Change {
        CREATED,
        UPDATED,
        DELETED,
        NONE
    }

    /**
     * Creates, updates or deletes the guild's schedule so that it matches its settings: a schedule at
     * {@link DigestSchedule#cron()} in the guild's zone while it gets daily or weekly digests, none otherwise.
     */
    Change sync(GuildSettings settings);

    /** Deletes the guild's schedule, if there is one (digests off, or a guild the bot has left). */
    Change remove(long guildId);
}
