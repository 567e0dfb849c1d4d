package io.serverpulse.digest.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.digest.DigestDelivery;
import io.serverpulse.common.digest.DigestPlanner;
import io.serverpulse.common.digest.DigestSchedules;
import io.serverpulse.common.discord.post.PostFailure;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import io.serverpulse.common.discord.rest.Routes;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One invocation of a guild's digest schedule: the guild's due digests posted (the one its schedule fired for,
 * and a missed one if still recent), each once ({@link DigestDelivery}). A guild whose settings are gone or say
 * no digest any more, or that the bot has left, gets nothing and its schedule is deleted. An input that is not
 * a schedule's is logged and dropped; a Discord failure a retry may overcome (5xx, network, a long rate limit)
 * is thrown so that Lambda retries, any other is logged. Answers a short JSON summary.
 */
public final class DigestRun {

    private static final Logger LOG = LoggerFactory.getLogger(DigestRun.class);

    private final Store store;
    private final DigestDelivery delivery;
    private final DigestSchedules schedules;
    private final DiscordRest rest;
    private final Clock clock;

    public DigestRun(Store store, DigestDelivery delivery, DigestSchedules schedules, DiscordRest rest, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.rest = Objects.requireNonNull(rest, "rest");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String handle(byte[] input) {
        Optional<ScheduledDigest> scheduled = ScheduledDigest.parse(input);
        if (scheduled.isEmpty()) {
            LOG.warn("Dropped an invocation that is not a digest schedule's ({} bytes)", input.length);
            return answer("dropped");
        }
        long guild = scheduled.get().guildId();
        Optional<GuildSettings> settings = store.findSettings(guild);
        if (settings.isEmpty() || !settings.get().digest().posts()) {
            schedules.remove(guild);
            LOG.info("Guild {} gets no digest any more: its schedule was removed", guild);
            return answer("no-digest");
        }
        if (!botIsIn(guild)) {
            schedules.remove(guild);
            LOG.info("The bot is no longer in guild {}: no digest, and its schedule was removed", guild);
            return answer("left");
        }
        Instant now = clock.instant();
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("result", "ran");
        ObjectNode outcomes = result.putObject("digests");
        for (DigestPlanner.Due due : new DigestPlanner(store).due(settings.get(), now)) {
            try {
                outcomes.put(due.period().key(), delivery.deliver(due.settings(), due.period()).name());
            } catch (PostFailure e) {
                if (e.retryable()) {
                    throw e;
                }
                LOG.warn("Digest {} of guild {} not posted: {}", due.period().key(), guild, e.getMessage());
                outcomes.put(due.period().key(), "FAILED");
            }
        }
        return result.toString();
    }

    private boolean botIsIn(long guild) {
        RestResult result = rest.send(RestCall.of(Routes.GUILD.compile(guild)));
        if (result.ok()) {
            return true;
        }
        if (result.status() == 403 || result.status() == 404) {
            return false;
        }
        throw new IllegalStateException("Discord answered " + result.status() + " when asked for guild " + guild);
    }

    private static String answer(String result) {
        return JsonNodeFactory.instance.objectNode().put("result", result).toString();
    }
}
