package io.serverpulse.digest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.digest.DigestSchedules;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import io.serverpulse.common.discord.rest.Routes;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily reconciliation of the AWS mode's digest schedules with the stored settings: {@code /set-digest}
 * changes a guild's schedule at once, and this catches every other way settings change (a digest chosen in
 * {@code /setup}, a guild whose settings were first stored by another command and keep the default weekly
 * digest) and every guild the bot has left (its schedule is deleted). One guild's failure is logged and the
 * others go on.
 */
public final class ScheduleSync {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleSync.class);
    private static final int PAGE = 200;

    private final Store store;
    private final DigestSchedules schedules;
    private final DiscordRest rest;

    public ScheduleSync(Store store, DigestSchedules schedules, DiscordRest rest) {
        this.store = Objects.requireNonNull(store, "store");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    /** Syncs every guild with stored settings; answers how many schedules each change touched. */
    public String run() {
        Set<Long> member = botGuilds();
        Map<DigestSchedules.Change, Integer> changes = new EnumMap<>(DigestSchedules.Change.class);
        int failed = 0;
        for (GuildSettings settings : store.allSettings()) {
            try {
                DigestSchedules.Change change = member.contains(settings.guildId()) ? schedules.sync(settings)
                        : schedules.remove(settings.guildId());
                changes.merge(change, 1, Integer::sum);
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("Digest schedule of guild {} not synced: {}", settings.guildId(), e.toString());
            }
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        changes.forEach((change, count) -> answer.put(change.name().toLowerCase(java.util.Locale.ROOT), count));
        answer.put("failed", failed);
        LOG.info("Digest schedules synced: {}", answer);
        return answer.toString();
    }

    /** Every guild the bot is in, page by page. */
    private Set<Long> botGuilds() {
        Set<Long> guilds = new HashSet<>();
        long after = 0;
        while (true) {
            RestResult result = rest.send(RestCall.of(Routes.CURRENT_USER_GUILDS.compile().query("limit", PAGE).query("after", after)));
            JsonNode page = result.json().filter(JsonNode::isArray)
                    .orElseThrow(() -> new IllegalStateException("Discord answered " + result.status() + " for the bot's guilds"));
            long last = after;
            for (JsonNode guild : page) {
                long id = Long.parseUnsignedLong(guild.path("id").asText());
                guilds.add(id);
                last = Math.max(last, id);
            }
            if (page.size() < PAGE || last == after) {
                return guilds;
            }
            after = last;
        }
    }
}
