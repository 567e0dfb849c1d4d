package io.serverpulse.common.digest;

import io.serverpulse.common.settings.GuildSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which digests are due, the same way for both modes: the collector's in-process scheduler asks it for every
 * guild it serves whenever it wakes, {@code digest-function} for the guild its schedule names. A period is due
 * once its time has come ({@link DigestSchedule#dueAt}) and stays due until the ledger says it was posted, but
 * only for {@link DigestSchedule#CATCH_UP} after that time: a period missed while nothing ran (the process was
 * down, a schedule did not fire) is posted once when something runs again, if it is still recent; an older one
 * is left out rather than posted days late.
 */
public final class DigestPlanner {

    private final DigestLedger ledger;

    public DigestPlanner(DigestLedger ledger) {
        this.ledger = ledger;
    }

    /** A guild's digest of a period, due now. */
    public record Due(GuildSettings settings, DigestSchedule schedule, DigestPeriod period) {
    }

    /** The guild's periods due at {@code now} and not posted yet, oldest first; none when it gets no digest. */
    public List<Due> due(GuildSettings settings, Instant now) {
        Optional<DigestSchedule> schedule = DigestSchedule.of(settings.digest(), settings.zone());
        if (schedule.isEmpty()) {
            return List.of();
        }
        List<Due> due = new ArrayList<>();
        for (DigestPeriod period = schedule.get().lastDue(now);
             !schedule.get().dueAt(period).isBefore(now.minus(DigestSchedule.CATCH_UP)); period = period.previous()) {
            boolean posted = ledger.digestRecord(settings.guildId(), period.key()).map(DigestRecord::posted).orElse(false);
            if (!posted) {
                due.add(0, new Due(settings, schedule.get(), period));
            }
        }
        return due;
    }

    /** Every due digest of these guilds at {@code now}. */
    public List<Due> due(Collection<GuildSettings> guilds, Instant now) {
        List<Due> due = new ArrayList<>();
        guilds.forEach(settings -> due.addAll(due(settings, now)));
        return due;
    }

    /** When the next digest of these guilds falls due after {@code now}, or empty when none gets one. */
    public static Optional<Instant> nextDue(Collection<GuildSettings> guilds, Instant now) {
        return guilds.stream().map(s -> DigestSchedule.of(s.digest(), s.zone())).flatMap(Optional::stream)
                .map(schedule -> schedule.nextDue(now)).min(Instant::compareTo);
    }
}
