package io.serverpulse.common.digest;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A hand-made fortnight of a small guild in Berlin (UTC+1 in March), written through the real aggregator,
 * with every number of its weekly digest for Monday 2 – Sunday 8 March 2026 worked out by hand in the tests.
 *
 * <pre>
 * previous week (Berlin: Mon 23 Feb – Sun 1 Mar; hours from 22 Feb 23:00 UTC; member days 23 Feb – 1 Mar UTC)
 *   Wed 25 Feb 12:00 UTC  BEA 4 messages in #general; GIL joins
 *   Thu 26 Feb 12:00 UTC  CAL 1 message in #memes; HAL joins
 *   Sat 28 Feb 10:00 UTC  a join raid (an alert)
 *   Sun  1 Mar 23:30 UTC  ANN 1 message in #general: Monday 00:30 in Berlin, so the current week's hours,
 *                         but UTC day 1 March, so the previous week's member days
 * this week (Berlin: Mon 2 – Sun 8 Mar; hours from 1 Mar 23:00 UTC; member days 2 – 8 Mar UTC)
 *   Mon  2 Mar 10:00 UTC  GIL 3 messages in #memes (GIL joined last week: retention 1 of 2)
 *   Tue  3 Mar 09:00 UTC  BEA 2 messages in #memes
 *   Wed  4 Mar 10:00 UTC  a join raid (an alert); IVY joins, and leaves at 11:00
 *   Thu  5 Mar 10:00 UTC  DEE reacts 🎉 3 times and :blob: once in #general
 *   Fri  6 Mar 19:30 UTC  ANN 5 messages in #general: Friday 20:30 in Berlin, the busiest hour
 *   Sat  7 Mar 20:00 UTC  EVE 30 min and FAY 10 min in voice
 *   sentiment (opted in): 3 positive, 2 neutral, 1 negative this week
 * another guild: 50 messages and an alert this week, which must not show
 * </pre>
 */
final class BerlinWeek {

    static final long GUILD = 1176201535215009852L;
    static final long OTHER_GUILD = 1176201535215009999L;
    static final long GENERAL = 1176201535215009855L;
    static final long MEMES = 1176201535215009861L;
    static final long VOICE = 1176201535215009862L;
    static final long ANN = 300000000000000001L;
    static final long BEA = 300000000000000002L;
    static final long CAL = 300000000000000003L;
    static final long DEE = 300000000000000004L;
    static final long EVE = 300000000000000005L;
    static final long FAY = 300000000000000006L;
    static final long GIL = 300000000000000007L;
    static final long HAL = 300000000000000008L;
    static final long IVY = 300000000000000009L;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    static final Instant RAID = Instant.parse("2026-03-04T10:00:00Z");
    static final Instant OLD_RAID = Instant.parse("2026-02-28T10:00:00Z");

    private BerlinWeek() {
    }

    static GuildSettings settings() {
        return GuildSettings.defaults(GUILD).withDigest(DigestFrequency.WEEKLY, Instant.EPOCH)
                .withTimeZone(BERLIN.getId(), Instant.EPOCH).withSentiment(true, Instant.EPOCH);
    }

    static DigestPeriod week() {
        return DigestPeriod.weekly(MONDAY, BERLIN);
    }

    static InMemoryStore store() {
        InMemoryStore store = new InMemoryStore();
        store.saveSettings(settings());
        MetricAggregator aggregator = new MetricAggregator();
        posts(aggregator, GUILD, GENERAL, BEA, 4, "2026-02-25T12:00:00Z");
        posts(aggregator, GUILD, MEMES, CAL, 1, "2026-02-26T12:00:00Z");
        posts(aggregator, GUILD, GENERAL, ANN, 1, "2026-03-01T23:30:00Z");
        posts(aggregator, GUILD, MEMES, GIL, 3, "2026-03-02T10:00:00Z");
        posts(aggregator, GUILD, MEMES, BEA, 2, "2026-03-03T09:00:00Z");
        for (int i = 0; i < 3; i++) {
            aggregator.add(new ActivityEvent.ReactionAdded(GUILD, GENERAL, DEE, "🎉", at("2026-03-05T10:00:00Z")));
        }
        aggregator.add(new ActivityEvent.ReactionAdded(GUILD, GENERAL, DEE, "blob:123456789012345678", at("2026-03-05T10:00:00Z")));
        posts(aggregator, GUILD, GENERAL, ANN, 5, "2026-03-06T19:30:00Z");
        aggregator.add(new ActivityEvent.VoiceJoined(GUILD, VOICE, EVE, at("2026-03-07T20:00:00Z")));
        aggregator.add(new ActivityEvent.VoiceTime(GUILD, VOICE, EVE, at("2026-03-07T20:00:00Z"), at("2026-03-07T20:30:00Z")));
        aggregator.add(new ActivityEvent.VoiceTime(GUILD, VOICE, FAY, at("2026-03-07T20:00:00Z"), at("2026-03-07T20:10:00Z")));
        for (ActivityEvent.Sentiment mood : List.of(ActivityEvent.Sentiment.POSITIVE, ActivityEvent.Sentiment.POSITIVE,
                ActivityEvent.Sentiment.POSITIVE, ActivityEvent.Sentiment.NEUTRAL, ActivityEvent.Sentiment.NEUTRAL,
                ActivityEvent.Sentiment.NEGATIVE)) {
            aggregator.add(new ActivityEvent.MessageSentiment(GUILD, GENERAL, mood, at("2026-03-06T19:30:00Z")));
        }
        join(aggregator, store, GIL, "2026-02-25T12:00:00Z", MemberEvent.Kind.JOIN);
        join(aggregator, store, HAL, "2026-02-26T12:00:00Z", MemberEvent.Kind.JOIN);
        join(aggregator, store, IVY, "2026-03-04T10:00:00Z", MemberEvent.Kind.JOIN);
        join(aggregator, store, IVY, "2026-03-04T11:00:00Z", MemberEvent.Kind.LEAVE);
        posts(aggregator, OTHER_GUILD, 42L, 77L, 50, "2026-03-05T12:00:00Z");
        store.apply(aggregator.drain());
        store.saveAlert(raid(GUILD, RAID));
        store.saveAlert(raid(GUILD, OLD_RAID));
        store.saveAlert(raid(OTHER_GUILD, Instant.parse("2026-03-05T12:00:00Z")));
        return store;
    }

    static AlertRecord raid(long guild, Instant at) {
        return new AlertRecord(AlertRecord.idFor(guild, AlertType.JOIN_RAID, at), guild, AlertType.JOIN_RAID, Severity.WARNING,
                at, at.plusSeconds(120), List.of(), 14, 2.0, "usually 2 joins/min, now 14 in 1 min");
    }

    private static void posts(MetricAggregator aggregator, long guild, long channel, long member, int count, String at) {
        for (int i = 0; i < count; i++) {
            aggregator.add(new ActivityEvent.MessagePosted(guild, channel, member, at(at)));
        }
    }

    private static void join(MetricAggregator aggregator, InMemoryStore store, long member, String at, MemberEvent.Kind kind) {
        aggregator.add(kind == MemberEvent.Kind.JOIN ? new ActivityEvent.MemberJoined(GUILD, member, at(at))
                : new ActivityEvent.MemberLeft(GUILD, member, at(at)));
        store.recordMemberEvents(List.of(new MemberEvent(GUILD, member, kind, at(at))));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
