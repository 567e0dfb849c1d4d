package io.serverpulse.alerts.post;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertPoster;
import io.serverpulse.common.alerts.AlertNoticeJson;
import io.serverpulse.common.discord.post.PostFailure;
import io.serverpulse.common.discord.post.Posted;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery of the collector's payload ({@link AlertNoticeJson}): read it, post it, say what
 * happened. A payload that is not an alert notice is logged and dropped (trying it again cannot
 * help), and so is an alert Discord refuses (4xx: e.g. the bot lost its permissions). A failure a
 * later attempt could overcome (Discord's 5xx, a long rate limit, the network, the database) is
 * logged and thrown, so that Lambda retries the event; common's {@link AlertPoster} makes the retry
 * post no second message.
 */
public final class NoticeDelivery {

    /** What the invocation returns (Lambda keeps it for a synchronous caller and the logs). */
    public record Result(String status, String alertId, int httpStatus) {
        public String json() {
            return "{\"status\":\"" + status + "\",\"alert_id\":\"" + alertId.replace("\"", "") + "\",\"http_status\":" + httpStatus + "}";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

    private final AlertPoster poster;

    public NoticeDelivery(AlertPoster poster) {
        this.poster = Objects.requireNonNull(poster, "poster");
    }

    /**
     * @throws PostFailure when the alert could not be posted for a reason a retry may overcome
     * @throws RuntimeException when the settings could not be read
     */
    public Result deliver(byte[] payload) {
        AlertNotice notice;
        try {
            notice = AlertNoticeJson.fromJson(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            log.error("Dropped a payload that is not an alert notice ({} bytes): {}", payload.length, e.getMessage());
            return new Result("malformed", "", 0);
        }
        String alert = notice.alert().id();
        String guild = Long.toUnsignedString(notice.alert().guildId());
        try {
            Posted posted = poster.post(notice);
            return new Result(posted.outcome().name().toLowerCase(Locale.ROOT), alert, 0);
        } catch (PostFailure e) {
            if (e.retryable()) {
                log.warn("Alert {} {} of guild {} not posted yet (HTTP {}), Lambda will retry: {}", alert, notice.kind(), guild,
                        e.status(), e.getMessage());
                throw e;
            }
            log.error("Alert {} {} of guild {} dropped: Discord refused it (HTTP {}): {}", alert, notice.kind(), guild,
                    e.status(), e.getMessage());
            return new Result("refused", alert, e.status());
        } catch (RuntimeException e) {
            log.warn("Alert {} {} of guild {} not posted yet, Lambda will retry: {}", alert, notice.kind(), guild, e.toString());
            throw e;
        }
    }
}
