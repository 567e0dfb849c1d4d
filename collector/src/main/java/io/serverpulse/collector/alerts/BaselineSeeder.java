package io.serverpulse.collector.alerts;

import io.serverpulse.common.alerts.detect.AlertDetector;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the alert detector's 24 h baselines (raid baseline mode, voice surge) from the store when a
 * guild becomes ready, so that a restarted collector judges a surge by yesterday's numbers at once
 * instead of staying silent for the warm-up. The read runs on the given executor, never on JDA's
 * event thread; the stored hours end at the hour the guild became ready, before its first live event.
 * A store that cannot be read leaves the guild to warm up live (logged).
 */
public final class BaselineSeeder extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(BaselineSeeder.class);
    private static final Duration SPAN = Duration.ofHours(24);

    private final MetricsStore store;
    private final AlertDetector detector;
    private final Executor executor;
    private final Clock clock;

    public BaselineSeeder(MetricsStore store, AlertDetector detector, Executor executor, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        long guildId = event.getGuild().getIdLong();
        Instant until = clock.instant().truncatedTo(ChronoUnit.HOURS);
        try {
            executor.execute(() -> seed(guildId, until));
        } catch (RejectedExecutionException e) {
            log.debug("Baselines of guild {} not seeded: the collector is shutting down", guildId);
        }
    }

    /** Seeds one guild from the 24 stored hours before {@code until}; false if nothing was seeded. */
    public boolean seed(long guildId, Instant until) {
        List<BucketRow> rows;
        try {
            rows = store.buckets(BucketKind.CHANNEL_HOUR, guildId, null, null, new TimeWindow(until.minus(SPAN), until));
        } catch (RuntimeException e) {
            log.warn("Alert baselines of guild {} start cold: the stored hours could not be read ({})", guildId, e.toString());
            return false;
        }
        return detector.seedBaselines(guildId, rows, until);
    }
}
