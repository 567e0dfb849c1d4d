package io.serverpulse.common.commands.askpulse;

import io.serverpulse.common.quota.UsageCounterStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How often {@code /askpulse} may be used: {@link #PER_MEMBER} questions per member per hour and {@link #PER_GUILD}
 * per guild per day (fixed UTC windows), counted in the store ({@link UsageCounterStore}) so that every process and
 * Lambda instance counts the same uses. A question is counted when it is accepted (before the provider is asked);
 * a refused one is given back, so a member over the limit does not use up the guild's questions.
 */
final class AskLimits {

    static final int PER_MEMBER = 5;
    static final int PER_GUILD = 50;
    static final String COUNTER = "askpulse";

    /** What became of a question. */
    sealed interface Outcome permits Refusal, Accepted {
    }

    /** A refusal: which limit, and when its window ends. */
    record Refusal(boolean memberLimit, int limit, Instant until) implements Outcome {
    }

    /** An accepted question, and how many are left in each window. */
    record Accepted(long memberLeft, long guildLeft) implements Outcome {
    }

    private final UsageCounterStore counters;

    AskLimits(UsageCounterStore counters) {
        this.counters = counters;
    }

    /** Counts one question of {@code memberId} at {@code now}, or refuses it (counting nothing). */
    Outcome take(long guildId, long memberId, Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant hourEnd = hour.plus(Duration.ofHours(1));
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Instant dayEnd = day.plus(Duration.ofDays(1));
        long member = counters.addUse(guildId, memberId, COUNTER, hour, hourEnd, 1);
        if (member > PER_MEMBER) {
            counters.addUse(guildId, memberId, COUNTER, hour, hourEnd, -1);
            return new Refusal(true, PER_MEMBER, hourEnd);
        }
        long guild = counters.addUse(guildId, 0, COUNTER, day, dayEnd, 1);
        if (guild > PER_GUILD) {
            counters.addUse(guildId, 0, COUNTER, day, dayEnd, -1);
            counters.addUse(guildId, memberId, COUNTER, hour, hourEnd, -1);
            return new Refusal(false, PER_GUILD, dayEnd);
        }
        return new Accepted(PER_MEMBER - member, PER_GUILD - guild);
    }
}
