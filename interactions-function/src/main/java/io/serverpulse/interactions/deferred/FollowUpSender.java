package io.serverpulse.interactions.deferred;

import io.serverpulse.common.commands.FollowUp;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.DiscordRestException;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import io.serverpulse.common.discord.rest.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link FollowUp}: {@code PATCH /webhooks/{application.id}/{token}/messages/@original}, JSON,
 * or {@code multipart/form-data} ({@code payload_json} + {@code files[n]}) when it has files. The
 * webhook route needs no bot token.
 *
 * <p>The worker may start before Discord has processed the DEFERRED answer (the hand-off happens before
 * the answer is returned): Discord then does not know the interaction's {@code @original} yet and answers
 * 404 (Unknown Webhook 10015, Unknown Message 10008, Unknown Interaction 10062). Such a 404 is retried
 * after {@link #NOT_YET_KNOWN_BACKOFF}; rate limits and server errors are handled by {@link DiscordRest}.
 */
public final class FollowUpSender {

    /** Waits before re-sending an edit of an {@code @original} Discord does not know yet (about 8 s in all). */
    public static final List<Duration> NOT_YET_KNOWN_BACKOFF = List.of(Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    private static final List<Integer> NOT_YET_KNOWN = List.of(10015, 10008, 10062);

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpSender.class);

    private final DiscordRest rest;
    private final Sleeper sleeper;
    private final List<Duration> backoff;

    public FollowUpSender(DiscordRest rest, Sleeper sleeper, List<Duration> notYetKnownBackoff) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = List.copyOf(notYetKnownBackoff);
    }

    public FollowUpSender(DiscordRest rest) {
        this(rest, Sleeper.SYSTEM, NOT_YET_KNOWN_BACKOFF);
    }

    /** Sends the edit. Never throws. */
    public FollowUpResult send(FollowUp followUp) {
        RestCall call = RestCall.message(followUp.route(), followUp.json(), followUp.files());
        int attempts = 0;
        try {
            for (int retry = 0; ; retry++) {
                RestResult result = rest.send(call);
                attempts += result.attempts();
                if (result.ok()) {
                    return new FollowUpResult(FollowUpResult.Status.DELIVERED, result.status(), attempts);
                }
                if (result.status() == 404 && NOT_YET_KNOWN.contains(result.errorCode()) && retry < backoff.size()) {
                    LOG.debug("Discord does not know the deferred answer yet (code {}); retrying", result.errorCode());
                    sleeper.sleep(backoff.get(retry));
                    continue;
                }
                if (result.status() >= 400 && result.status() < 500 && result.status() != 404 && result.status() != 429) {
                    LOG.warn("Discord refused a follow-up edit: {} code {} ({})", result.status(), result.errorCode(),
                            result.errorMessage());
                    return new FollowUpResult(FollowUpResult.Status.REJECTED, result.status(), attempts);
                }
                LOG.warn("A follow-up edit was not delivered: {} code {}", result.status(), result.errorCode());
                return new FollowUpResult(FollowUpResult.Status.UNDELIVERED, result.status(), attempts);
            }
        } catch (DiscordRestException e) {
            LOG.warn("A follow-up edit could not reach Discord: {}", e.getMessage());
            return new FollowUpResult(FollowUpResult.Status.UNDELIVERED, 0, attempts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FollowUpResult(FollowUpResult.Status.UNDELIVERED, 0, attempts);
        }
    }
}
