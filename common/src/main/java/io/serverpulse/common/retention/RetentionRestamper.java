package io.serverpulse.common.retention;

import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.Store;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a guild's existing rows the expiry of the retention in force now, after it changed
 * ({@code /set-retention}, or a new {@code RETENTION_*} default): step by step
 * ({@link io.serverpulse.common.store.GuildDataStore#restampExpiry}), each step a few hundred rows in
 * one short write, with a pause in between so that metric writes are never held up for long. Rows
 * written meanwhile already carry the new expiry. Stops early when asked ({@code cancelled}: the
 * retention changed again, or shutdown).
 */
public final class RetentionRestamper {

    /** Rows looked at per step. */
    public static final int STEP_ROWS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(RetentionRestamper.class);

    /** What a run did: rows looked at and changed, steps, and whether it reached the guild's last row. */
    public record Outcome(long examined, long restamped, int steps, boolean complete) {
    }

    /** Waits between two steps; interrupted means stop. */
    @FunctionalInterface
    public interface Pause {
        void between() throws InterruptedException;
    }

    private final Store store;
    private final int stepRows;

    public RetentionRestamper(Store store) {
        this(store, STEP_ROWS);
    }

    public RetentionRestamper(Store store, int stepRows) {
        this.store = Objects.requireNonNull(store, "store");
        if (stepRows < 1) {
            throw new IllegalArgumentException("stepRows must be positive: " + stepRows);
        }
        this.stepRows = stepRows;
    }

    /**
     * Re-stamps every row of the guild under the retention in force when the run starts. Store
     * failures are thrown to the caller (who may run it again: a repeated run changes only what is
     * still stale).
     */
    public Outcome restamp(long guildId, BooleanSupplier cancelled, Pause pause) {
        Retention retention = store.retentionPolicy().inForce(store.findSettings(guildId));
        long examined = 0;
        long restamped = 0;
        int steps = 0;
        String cursor = null;
        do {
            if (cancelled.getAsBoolean()) {
                return new Outcome(examined, restamped, steps, false);
            }
            if (steps > 0) {
                try {
                    pause.between();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome(examined, restamped, steps, false);
                }
            }
            RestampStep step = store.restampExpiry(guildId, retention, cursor, stepRows);
            examined += step.examined();
            restamped += step.restamped();
            cursor = step.resumeAfter();
            steps++;
        } while (cursor != null);
        if (restamped > 0) {
            LOG.info("Re-stamped {} of {} rows of guild {} with its retention ({} / {} / {} days)", restamped, examined, guildId,
                    retention.metricsDays(), retention.leaderboardDays(), retention.summaryDays());
        }
        return new Outcome(examined, restamped, steps, true);
    }
}
