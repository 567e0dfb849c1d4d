package io.serverpulse.emulator.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link TimelineGenerator} needs to produce a timeline; the same spec always produces
 * the same timeline.
 *
 * @param seed the seed of every random choice
 * @param start the first instant of the timeline
 * @param duration how long the timeline lasts; events fall in {@code [start, start + duration)}
 * @param targetEvents how many events the timeline holds, exactly: the everyday events plus the
 *        incidents' (an action that cannot happen when its time comes becomes a message). Voice
 *        sessions still running near the end close in the timeline's last 30 seconds.
 * @param guilds the guilds, simulated together on one clock
 * @param diurnal hour-of-day intensity (in each guild's local time)
 * @param mix the everyday action frequencies
 * @param activityTail Pareto shape of the per-member activity weights: smaller means a heavier tail
 *        (1.16 is the 80/20 rule)
 * @param incidents incidents to inject; one that finds nothing to act on (no message left to delete,
 *        nobody who can join voice) is left out of the result's incidents, with a warning
 */
public record ScenarioSpec(long seed, Instant start, Duration duration, int targetEvents, List<CommunitySpec> guilds,
                           DiurnalCycle diurnal, ActivityMix mix, double activityTail, List<IncidentSpec> incidents) {

    /** Monday 2 March 2026, 00:00 UTC. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-02T00:00:00Z");

    public ScenarioSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(diurnal, "diurnal");
        Objects.requireNonNull(mix, "mix");
        guilds = List.copyOf(guilds);
        incidents = List.copyOf(incidents);
        if (guilds.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one guild");
        }
        if (guilds.size() > 500) {
            throw new IllegalArgumentException("at most 500 guilds: " + guilds.size());
        }
        if (duration.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("duration must be at least an hour: " + duration);
        }
        if (duration.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("duration must be at most a year: " + duration);
        }
        if (!(activityTail > 0.5) || activityTail > 10) {
            throw new IllegalArgumentException("activityTail must be in (0.5, 10]: " + activityTail);
        }
        Checks.atLeast("targetEvents", targetEvents, 1);
        // events are at least a millisecond apart; keep them sparse enough that they stay inside the timeline
        long maxEvents = duration.toMillis() / 50;
        if (targetEvents > maxEvents) {
            throw new IllegalArgumentException("targetEvents " + targetEvents + " is too dense for " + duration
                    + " (at most " + maxEvents + ")");
        }
        for (IncidentSpec incident : incidents) {
            if (incident.guild() >= guilds.size()) {
                throw new IllegalArgumentException("incident for guild " + incident.guild() + " but only "
                        + guilds.size() + " guilds");
            }
            if (incident.at() != null && (incident.at().isBefore(start) || !incident.at().isBefore(end(start, duration)))) {
                throw new IllegalArgumentException("incident outside the timeline: " + incident);
            }
        }
    }

    public Instant end() {
        return end(start, duration);
    }

    private static Instant end(Instant start, Duration duration) {
        return start.plus(duration);
    }

    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** Defaults: {@link #DEFAULT_START}, 7 days, 10,000 events, one {@link CommunitySpec#standard()} guild, no incidents. */
    public static final class Builder {
        private final long seed;
        private Instant start = DEFAULT_START;
        private Duration duration = Duration.ofDays(7);
        private int targetEvents = 10_000;
        private final List<CommunitySpec> guilds = new ArrayList<>();
        private DiurnalCycle diurnal = DiurnalCycle.standard();
        private ActivityMix mix = ActivityMix.standard();
        private double activityTail = 1.2;
        private final List<IncidentSpec> incidents = new ArrayList<>();

        private Builder(long seed) {
            this.seed = seed;
        }

        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder targetEvents(int targetEvents) {
            this.targetEvents = targetEvents;
            return this;
        }

        /** Adds a guild (index = the number of guilds added before it). */
        public Builder guild(CommunitySpec guild) {
            guilds.add(Objects.requireNonNull(guild, "guild"));
            return this;
        }

        public Builder diurnal(DiurnalCycle diurnal) {
            this.diurnal = diurnal;
            return this;
        }

        public Builder mix(ActivityMix mix) {
            this.mix = mix;
            return this;
        }

        public Builder activityTail(double activityTail) {
            this.activityTail = activityTail;
            return this;
        }

        public Builder incident(IncidentSpec incident) {
            incidents.add(Objects.requireNonNull(incident, "incident"));
            return this;
        }

        public ScenarioSpec build() {
            List<CommunitySpec> g = guilds.isEmpty() ? List.of(CommunitySpec.standard()) : guilds;
            return new ScenarioSpec(seed, start, duration, targetEvents, g, diurnal, mix, activityTail, incidents);
        }
    }
}
