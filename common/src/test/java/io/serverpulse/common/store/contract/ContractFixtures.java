package io.serverpulse.common.store.contract;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The ids, times and records the parts of the storage contract are written with. */
public final class ContractFixtures {

    /** A fixed "now" for every time-dependent read: Monday 2026-06-15, 10:37:12.345 UTC. */
    public static final Instant NOW = Instant.parse("2026-06-15T10:37:12.345Z");

    public static final long GUILD_A = 810_000_000_000_000_001L;
    public static final long GUILD_B = 810_000_000_000_000_002L;
    public static final long GENERAL = 900_000_000_000_000_011L;
    public static final long RANDOM = 900_000_000_000_000_012L;
    /** Member ids chosen so that ties (broken by id ascending) come out in a different order than they were written. */
    public static final long CAROL = 100;
    public static final long BOB = 200;
    public static final long ALICE = 300;
    public static final long DAVE = 400;
    public static final long ERIN = 500;
    public static final long FRANK = 600;

    public static final TimeWindow EVERYTHING = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    private ContractFixtures() {
    }

    public static Instant at(String iso) {
        return Instant.parse(iso);
    }

    public static MemberCount mc(long memberId, long count) {
        return new MemberCount(memberId, count);
    }

    /** Settings that differ from the defaults in every field. */
    public static GuildSettings everyFieldChanged(long guildId) {
        Instant t = at("2026-06-10T08:15:30.125Z");
        return GuildSettings.defaults(guildId)
                .withUpdateChannel(GENERAL, t)
                .withCollectChannels(Set.of(GENERAL, RANDOM), t)
                .withDigest(DigestFrequency.DAILY, t)
                .withAlert(AlertType.JOIN_RAID, new AlertRule(true, 25, Duration.ofSeconds(90), 2.5), t)
                .withAlert(AlertType.VOICE_SURGE, AlertRule.defaultFor(AlertType.VOICE_SURGE).withEnabled(false), t)
                .withRetention(new Retention(30, 7, 60), t)
                .withAi(AiProvider.ANTHROPIC, "claude-test", "v1:c2VhbGVkLWtleQ==", t)
                .withAiChain(java.util.List.of(new AiProviderEntry(AiProvider.ANTHROPIC, "claude-test", "v1:c2VhbGVkLWtleQ=="),
                        new AiProviderEntry(AiProvider.GROQ, "llama-test", "v1:Z3JvcS1rZXk="),
                        new AiProviderEntry(AiProvider.OPENAI, null, null)), t)
                .withLocale("de", t)
                .withSentiment(true, t)
                .withCountBots(true, at("2026-06-10T08:15:31.999Z"));
    }

    /**
     * Messages in guild A around {@link #NOW} (Monday 10:37:12.345), placed on the edges of every
     * period; a little activity in guild B with the same channel and member ids.
     */
    public static MetricBatch activityAroundNow() {
        return new Activity()
                // inside 24h (the current hour, and the first instant of the 24h window)
                .messages(GUILD_A, GENERAL, ALICE, at("2026-06-15T10:27:12.345Z"), 3)
                .messages(GUILD_A, RANDOM, ALICE, at("2026-06-14T11:00:00Z"), 1)
                // the last instant before the 24h window; inside 24h
                .messages(GUILD_A, GENERAL, BOB, at("2026-06-14T10:59:59.999Z"), 2)
                .messages(GUILD_A, RANDOM, BOB, at("2026-06-15T09:37:12.345Z"), 2)
                // first instant of 7d, last instant before 7d
                .messages(GUILD_A, GENERAL, CAROL, at("2026-06-09T00:00:00Z"), 4)
                .messages(GUILD_A, GENERAL, CAROL, at("2026-06-08T23:59:59.999Z"), 1)
                // first instant of 30d, last instant before 30d
                .messages(GUILD_A, RANDOM, DAVE, at("2026-05-17T00:00:00Z"), 5)
                .messages(GUILD_A, RANDOM, DAVE, at("2026-05-16T23:59:59.999Z"), 6)
                // a later hour today (in the day periods, not in 24h) and tomorrow (in none)
                .messages(GUILD_A, GENERAL, ERIN, at("2026-06-15T11:00:00Z"), 1)
                .messages(GUILD_A, GENERAL, ERIN, at("2026-06-16T00:00:00Z"), 7)
                // reactions: Frank only reacts
                .reactions(GUILD_A, GENERAL, ALICE, "👍", at("2026-06-15T10:37:12.345Z"), 2)
                .reactions(GUILD_A, RANDOM, FRANK, "🎉", at("2026-06-15T08:37:12.345Z"), 3)
                .joins(GUILD_A, FRANK, at("2026-06-15T10:01:00Z"))
                // guild B: same ids, other numbers
                .messages(GUILD_B, GENERAL, BOB, NOW, 50)
                .messages(GUILD_B, GENERAL, CAROL, at("2026-06-01T12:00:00Z"), 9)
                .batch("activity-1");
    }

    /** A batch touching every bucket kind in two guilds. */
    public static MetricBatch mixedBatch(String batchId) {
        return new Activity()
                .messages(GUILD_A, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 3)
                .messages(GUILD_A, RANDOM, BOB, at("2026-06-15T09:59:59.999Z"), 2)
                .messages(GUILD_A, GENERAL, CAROL, at("2026-06-10T23:00:00Z"), 1)
                .reactions(GUILD_A, GENERAL, BOB, "👍", at("2026-06-15T10:06:00Z"), 2)
                .reactions(GUILD_A, RANDOM, ALICE, "party:42", at("2026-06-14T22:00:00Z"), 1)
                .deletions(GUILD_A, GENERAL, at("2026-06-15T10:07:00Z"), 12)
                .joins(GUILD_A, DAVE, at("2026-06-15T10:08:00Z"))
                .leaves(GUILD_A, ERIN, at("2026-06-15T08:08:00Z"))
                .voice(GUILD_A, 777, FRANK, at("2026-06-15T08:50:00Z"), at("2026-06-15T10:10:30Z"))
                .messages(GUILD_B, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 4)
                .batch(batchId);
    }

    /** An ongoing join raid of the guild. */
    public static AlertRecord raid(long guildId, Instant startedAt) {
        return new AlertRecord(AlertRecord.idFor(guildId, AlertType.JOIN_RAID, startedAt), guildId, AlertType.JOIN_RAID,
                Severity.CRITICAL, startedAt, null, List.of(GENERAL, RANDOM), 14, 2.25, "usually 2 joins/min, now 14 in 60 s");
    }

    /** A cached leaderboard whose total is its entries' sum plus 7 (members beyond the top), so that a round trip shows it. */
    public static CachedLeaderboard cached(long guildId, long channelId, Counter counter, Period period, Instant computedAt,
                                           List<MemberCount> entries) {
        return new CachedLeaderboard(guildId, channelId, counter, period, computedAt, entries,
                entries.stream().mapToLong(MemberCount::count).sum() + 7);
    }
}
