package io.serverpulse.emulator.sim;

import io.serverpulse.common.alerts.AlertType;
import java.time.Instant;

/**
 * An incident to inject into a generated timeline. {@code guild} is the index of the guild in the
 * {@link ScenarioSpec}; {@code at} is when it begins, or {@code null} for a seeded random time
 * between 25 % and 90 % of the timeline.
 */
public sealed interface IncidentSpec {

    int guild();

    Instant at();

    AlertType type();

    /** {@code joins} members join within about {@code joins} seconds. */
    record JoinRaid(int guild, Instant at, int joins) implements IncidentSpec {
        public JoinRaid {
            Checks.atLeast("joins", joins, 1);
            Checks.atLeast("guild", guild, 0);
        }

        @Override
        public AlertType type() {
            return AlertType.JOIN_RAID;
        }
    }

    /**
     * In the most popular collected channel, {@code singleDeletes} messages are deleted one by one
     * within seconds, then {@code bulkSize} (2..100, Discord's limits) in one bulk delete.
     */
    record MassDeletion(int guild, Instant at, int singleDeletes, int bulkSize) implements IncidentSpec {
        public MassDeletion {
            Checks.atLeast("singleDeletes", singleDeletes, 0);
            Checks.between("bulkSize", bulkSize, 2, 100);
            Checks.atLeast("guild", guild, 0);
        }

        @Override
        public AlertType type() {
            return AlertType.MASS_DELETION;
        }
    }

    /** Messages and reactions drop by {@code percent} for {@code hours} whole UTC hours from the hour of {@code at}. */
    record ActivityDrop(int guild, Instant at, int hours, int percent) implements IncidentSpec {
        public ActivityDrop {
            Checks.atLeast("hours", hours, 1);
            Checks.between("percent", percent, 1, 100);
            Checks.atLeast("guild", guild, 0);
        }

        @Override
        public AlertType type() {
            return AlertType.ACTIVITY_DROP;
        }
    }

    /** {@code members} members join voice within a couple of minutes and stay 20-60 minutes. */
    record VoiceSurge(int guild, Instant at, int members) implements IncidentSpec {
        public VoiceSurge {
            Checks.atLeast("members", members, 1);
            Checks.atLeast("guild", guild, 0);
        }

        @Override
        public AlertType type() {
            return AlertType.VOICE_SURGE;
        }
    }

    static JoinRaid joinRaid(int guild, int joins) {
        return new JoinRaid(guild, null, joins);
    }

    static MassDeletion massDeletion(int guild, int singleDeletes, int bulkSize) {
        return new MassDeletion(guild, null, singleDeletes, bulkSize);
    }

    static ActivityDrop activityDrop(int guild, int hours, int percent) {
        return new ActivityDrop(guild, null, hours, percent);
    }

    static VoiceSurge voiceSurge(int guild, int members) {
        return new VoiceSurge(guild, null, members);
    }
}
