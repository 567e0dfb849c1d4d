package io.serverpulse.common.digest;

import io.serverpulse.common.ai.SummaryInput;
import io.serverpulse.common.ai.SummaryInput.AlertEntry;
import io.serverpulse.common.ai.SummaryInput.Growth;
import io.serverpulse.common.ai.SummaryInput.Measure;
import io.serverpulse.common.ai.SummaryInput.Peak;
import io.serverpulse.common.ai.SummaryInput.Ranked;
import io.serverpulse.common.ai.SummaryInput.Sentiment;
import io.serverpulse.common.ai.SummaryInput.Total;
import io.serverpulse.common.digest.DigestReport.ChannelCount;
import io.serverpulse.common.digest.DigestReport.Totals;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.MemberCount;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A digest's report as the AI providers see it: its numbers with members and channels by rank
 * ({@code member #1} is the report's first top member), never their ids; the ranks are turned back into mentions
 * only in ServerPulse's own rendering of the cleaned answer ({@link #memberRanks}, {@link #channelRanks}).
 */
public final class DigestSummaryInput {

    private static final Set<String> LANGUAGES = Set.of("en", "de", "fr");

    private DigestSummaryInput() {
    }

    public static SummaryInput of(DigestReport report, String locale) {
        Totals now = report.current();
        Totals before = report.previous();
        boolean compared = !before.isEmpty();
        List<Total> totals = List.of(
                new Total(Measure.MESSAGES, now.messages(), compared ? before.messages() : null),
                new Total(Measure.REACTIONS, now.reactions(), compared ? before.reactions() : null),
                new Total(Measure.ACTIVE_MEMBERS, now.activeMembers(), compared ? before.activeMembers() : null),
                new Total(Measure.VOICE_MINUTES, now.voiceMinutes(), compared ? before.voiceMinutes() : null));
        List<Ranked> members = new ArrayList<>();
        for (MemberCount member : report.topMembers()) {
            members.add(new Ranked(members.size() + 1, member.count(), null));
        }
        List<Ranked> channels = new ArrayList<>();
        for (ChannelCount channel : report.topChannels()) {
            channels.add(new Ranked(channels.size() + 1, channel.messages(), compared ? channel.previousMessages() : null));
        }
        List<Ranked> voice = new ArrayList<>();
        for (MemberCount member : report.topVoice()) {
            voice.add(new Ranked(voice.size() + 1, member.count() / 60, null));
        }
        List<Ranked> emoji = new ArrayList<>();
        for (KeyCount e : report.topEmoji()) {
            emoji.add(new Ranked(emoji.size() + 1, e.count(), null));
        }
        Peak peak = report.peak().map(p -> new Peak(p.day(), p.from().getHour())).orElse(null);
        Growth growth = new Growth(now.joins(), now.leaves(), report.newMembers().joined(), report.newMembers().active());
        List<AlertEntry> alerts = report.alerts().stream().map(a -> {
            ZonedDateTime at = a.startedAt().atZone(report.period().zone());
            return new AlertEntry(a.type(), at.getDayOfWeek(), at.getHour());
        }).toList();
        Sentiment sentiment = report.sentiment().map(s -> new Sentiment(s.positive(), s.neutral(), s.negative())).orElse(null);
        return new SummaryInput(report.period().kind().label(), language(locale), totals, members, channels, voice, emoji,
                peak, growth, alerts, sentiment);
    }

    /** The two-letter language of a Discord locale that the prompts know ({@code de}, {@code fr}), else {@code en}. */
    public static String language(String locale) {
        String language = locale == null || locale.length() < 2 ? "en" : locale.substring(0, 2).toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(language) ? language : "en";
    }

    /** {@code member #N} → the member's id, as ranked in {@link #of}. */
    public static Map<Integer, Long> memberRanks(DigestReport report) {
        Map<Integer, Long> ranks = new HashMap<>();
        for (int i = 0; i < report.topMembers().size(); i++) {
            ranks.put(i + 1, report.topMembers().get(i).memberId());
        }
        return ranks;
    }

    /** {@code voice member #N} → the member's id, as ranked in {@link #of}. */
    public static Map<Integer, Long> voiceRanks(DigestReport report) {
        Map<Integer, Long> ranks = new HashMap<>();
        for (int i = 0; i < report.topVoice().size(); i++) {
            ranks.put(i + 1, report.topVoice().get(i).memberId());
        }
        return ranks;
    }

    /** {@code channel #N} → the channel's id, as ranked in {@link #of}. */
    public static Map<Integer, Long> channelRanks(DigestReport report) {
        Map<Integer, Long> ranks = new HashMap<>();
        List<ChannelCount> top = report.topChannels();
        for (int i = 0; i < top.size(); i++) {
            ranks.put(i + 1, top.get(i).channelId());
        }
        return ranks;
    }
}
