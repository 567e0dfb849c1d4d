package io.serverpulse.collector.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When this process's gateway connection lost events. A shard that disconnects and RESUMEs loses
 * nothing (Discord replays what it missed); one that has to start a new session (the old one was
 * invalidated or expired, e.g. during a Discord outage) never sees what happened in between. Such a
 * gap makes the hours it overlaps incomplete, so the hourly activity-drop check must not read them
 * as a drop: a Discord outage would otherwise page every guild at once.
 *
 * <p>Gaps shorter than {@link #NEGLIGIBLE} are ignored (a few seconds of missed events do not
 * change an hour's count materially); gaps older than {@link #KEPT} are forgotten. Thread-safe.
 */
public final class GatewayGaps extends net.dv8tion.jda.api.hooks.ListenerAdapter {

    /** A lost stretch shorter than this does not make an hour incomplete. */
    public static final Duration NEGLIGIBLE = Duration.ofMinutes(1);
    /** How long lost stretches are remembered: longer than any window an hourly check reads. */
    static final Duration KEPT = Duration.ofDays(2);

    private static final Logger log = LoggerFactory.getLogger(GatewayGaps.class);

    /** Events of {@code [from, to)} were never received. */
    public record Gap(Instant from, Instant to) {
        public Gap {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        boolean overlaps(Instant start, Instant end) {
            return from.isBefore(end) && to.isAfter(start);
        }
    }

    private final Clock clock;
    private final Map<Integer, Instant> disconnectedSince = new HashMap<>();
    private final Deque<Gap> gaps = new ArrayDeque<>();

    public GatewayGaps(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onSessionDisconnect(SessionDisconnectEvent event) {
        disconnected(event.getJDA().getShardInfo().getShardId());
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
        resumed(event.getJDA().getShardInfo().getShardId());
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        recreated(event.getJDA().getShardInfo().getShardId());
    }

    /** A shard's session dropped (what {@link #onSessionDisconnect} records). */
    public synchronized void disconnected(int shard) {
        disconnectedSince.putIfAbsent(shard, clock.instant());
    }

    /** Resumed: Discord replays what the shard missed, nothing is lost. */
    public synchronized void resumed(int shard) {
        disconnectedSince.remove(shard);
    }

    /** A new session: what happened while the shard was away is lost. */
    public synchronized void recreated(int shard) {
        Instant since = disconnectedSince.remove(shard);
        if (since == null) {
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(since, now).compareTo(NEGLIGIBLE) < 0) {
            return;
        }
        gaps.addLast(new Gap(since, now));
        while (!gaps.isEmpty() && gaps.peekFirst().to().isBefore(now.minus(KEPT))) {
            gaps.removeFirst();
        }
        log.warn("Gateway shard {} was away from {} to {} and could not resume: events of that time were not counted;"
                + " activity-drop checks skip the hours it overlaps", shard, since, now);
    }

    /** A lost gap overlapping {@code [from, to)}: the counts of that window are incomplete. */
    public synchronized Optional<Gap> lostIn(Instant from, Instant to) {
        for (Gap gap : gaps) {
            if (gap.overlaps(from, to)) {
                return Optional.of(gap);
            }
        }
        return Optional.empty();
    }

    /**
     * Since when a shard has been away and not come back yet (the earliest, if several): until it
     * resumes or starts a new session it is not known whether that time's events are lost.
     */
    public synchronized Optional<Instant> awaySince() {
        return disconnectedSince.values().stream().min(Instant::compareTo);
    }
}
