package io.serverpulse.alerts.drops;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertPoster;
import io.serverpulse.common.alerts.detect.ActivityDropWatch;
import io.serverpulse.common.discord.post.PostFailure;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS mode's hourly activity-drop check (the self-hosted collector runs its own): for every guild
 * with settings, {@link ActivityDropWatch} checks the hour that ended at the scheduled time's hour
 * boundary, and each notice is posted with the {@link AlertPoster}. The schedule fires a few minutes
 * past the hour, so that the collector has flushed the finished hour. The watch keeps what is ongoing
 * in the store, so a second run for the same hour gives no second notice. One guild's failure is
 * logged and the others are still checked. If many guilds would open a drop in the same hour
 * ({@link ActivityDropWatch#suspectedOutage}: the collector was down, or Discord), none is opened.
 */
public final class DropCheck {

    /** What one run did. */
    public record Summary(Instant hourEnd, int guilds, int opened, int ended, int failed, int suppressed) {
        public String json() {
            return "{\"hour_end\":\"" + hourEnd + "\",\"guilds\":" + guilds + ",\"opened\":" + opened + ",\"ended\":" + ended
                    + ",\"failed\":" + failed + ",\"suppressed\":" + suppressed + "}";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DropCheck.class);

    private final SettingsStore settings;
    private final ActivityDropWatch watch;
    private final AlertPoster poster;

    public DropCheck(SettingsStore settings, ActivityDropWatch watch, AlertPoster poster) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.poster = Objects.requireNonNull(poster, "poster");
    }

    /** Checks the hour that ended at {@code scheduledAt} truncated to the hour, in every guild with settings. */
    public Summary run(Instant scheduledAt) {
        Instant hourEnd = scheduledAt.truncatedTo(ChronoUnit.HOURS);
        List<GuildSettings> guilds = settings.allSettings();
        int opened = 0;
        int ended = 0;
        int failed = 0;
        List<ActivityDropWatch.Decision> decisions = new ArrayList<>();
        for (GuildSettings guild : guilds) {
            try {
                decisions.add(watch.evaluate(guild, hourEnd));
            } catch (RuntimeException e) {
                failed++;
                log.error("Activity-drop check of guild {} for the hour ending {} failed: {}",
                        Long.toUnsignedString(guild.guildId()), hourEnd, e.toString());
            }
        }
        int[] commitFailures = {0};
        ActivityDropWatch.Round round = watch.commitAll(decisions, (decision, e) -> {
            commitFailures[0]++;
            log.error("Activity-drop check of guild {} for the hour ending {} failed: {}",
                    Long.toUnsignedString(decision.settings().guildId()), hourEnd, e.toString());
        });
        failed += commitFailures[0];
        for (AlertNotice n : round.notices()) {
            String guildId = Long.toUnsignedString(n.alert().guildId());
            try {
                poster.post(n);
                if (n.kind() == AlertNotice.Kind.OPENED) {
                    opened++;
                } else {
                    ended++;
                }
            } catch (PostFailure e) {
                failed++;
                log.error("Activity drop {} {} of guild {} is stored but could not be posted (HTTP {}): {}", n.alert().id(),
                        n.kind(), guildId, e.status(), e.getMessage());
            } catch (RuntimeException e) {
                failed++;
                log.error("Activity drop {} {} of guild {} is stored but could not be posted: {}", n.alert().id(), n.kind(),
                        guildId, e.toString());
            }
        }
        Summary summary = new Summary(hourEnd, guilds.size(), opened, ended, failed, round.heldBack());
        log.info("Activity-drop check for the hour ending {}: {} guilds, {} drops opened, {} ended, {} failed, {} held back"
                + " as a suspected collection outage", hourEnd, guilds.size(), opened, ended, failed, round.heldBack());
        return summary;
    }
}
