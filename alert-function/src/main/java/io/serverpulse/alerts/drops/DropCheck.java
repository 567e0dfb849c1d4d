package io.serverpulse.alerts.drops;

import io.serverpulse.alerts.post.AlertPoster;
import io.serverpulse.alerts.post.PostFailure;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.detect.ActivityDropWatch;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS mode's hourly activity-drop check (the self-hosted collector runs its own): for every guild
 * with settings, {@link ActivityDropWatch} checks the hour that ended at the scheduled time's hour
 * boundary, and each notice is posted with the {@link AlertPoster}. The schedule fires a few minutes
 * past the hour, so that the collector has flushed the finished hour. The watch keeps what is ongoing
 * in the store, so a second run for the same hour gives no second notice. One guild's failure is
 * logged and the others are still checked.
 */
public final class DropCheck {

    /** What one run did. */
    public record Summary(Instant hourEnd, int guilds, int opened, int ended, int failed) {
        public String json() {
            return "{\"hour_end\":\"" + hourEnd + "\",\"guilds\":" + guilds + ",\"opened\":" + opened + ",\"ended\":" + ended
                    + ",\"failed\":" + failed + "}";
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
        for (GuildSettings guild : guilds) {
            String guildId = Long.toUnsignedString(guild.guildId());
            Optional<AlertNotice> notice;
            try {
                notice = watch.check(guild, hourEnd);
            } catch (RuntimeException e) {
                failed++;
                log.error("Activity-drop check of guild {} for the hour ending {} failed: {}", guildId, hourEnd, e.toString());
                continue;
            }
            if (notice.isEmpty()) {
                continue;
            }
            AlertNotice n = notice.get();
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
        Summary summary = new Summary(hourEnd, guilds.size(), opened, ended, failed);
        log.info("Activity-drop check for the hour ending {}: {} guilds, {} drops opened, {} ended, {} failed", hourEnd,
                guilds.size(), opened, ended, failed);
        return summary;
    }
}
