package io.serverpulse.common.digest;

import io.serverpulse.common.ai.AnswerCleaner;
import io.serverpulse.common.ai.SummaryResult;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.commands.ResponseLimits;
import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.digest.DigestReport.ChannelCount;
import io.serverpulse.common.digest.DigestReport.Totals;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.MemberCount;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a digest reads in Discord: a main embed (title, the "what changed" paragraph, the figures as fields,
 * members and channels as mentions, the activity chart as its image, the footer that names it), then one
 * embed per further chart. Lists are capped so that the message stays far within Discord's embed limits
 * (6,000 characters in all, 25 fields, 1,024 per field).
 */
public final class DigestView {

    public static final String ACTIVITY_FILE = "activity.png";
    public static final String HEATMAP_FILE = "heatmap.png";
    public static final String CHANNELS_FILE = "channels.png";
    /** Alerts listed one per line; the rest are counted. */
    public static final int MAX_ALERT_LINES = 8;
    private static final List<String> MEDALS = List.of("🥇", "🥈", "🥉");
    private static final String FOOTER_PREFIX = "ServerPulse digest ";

    private DigestView() {
    }

    /**
     * The footer of a scheduled digest: {@code ServerPulse digest <guild id> <period key>}, the same in every
     * language, so that a digest is found again by it and never posted twice.
     */
    public static String footer(long guildId, DigestPeriod period) {
        return FOOTER_PREFIX + Long.toUnsignedString(guildId) + " " + period.key();
    }

    /**
     * @param charts which chart files are attached (the embeds show those)
     * @param footer the main embed's footer ({@link #footer} for a scheduled digest)
     */
    public static List<Embed> embeds(DigestReport report, Texts texts, List<String> charts, String footer) {
        return embeds(report, texts, charts, footer, Optional.empty());
    }

    /**
     * The same, with the AI summary (when the guild has a provider) as the first field, beside the rule-written
     * paragraph: who wrote it, or that no provider could.
     */
    public static List<Embed> embeds(DigestReport report, Texts texts, List<String> charts, String footer,
                                     Optional<SummaryResult> summary) {
        DigestPeriod period = report.period();
        Totals now = report.current();
        Totals before = report.previous();
        Embed.Builder main = Embed.builder()
                .title(DigestWords.title(period, texts))
                .description(WhatChanged.paragraph(report, texts));
        summary.ifPresent(s -> aiField(main, report, texts, s));
        main
                .field(texts.get("digest.messages"), figure(now.messages(), before.messages(), period, texts), true)
                .field(texts.get("digest.reactions"), figure(now.reactions(), before.reactions(), period, texts), true)
                .field(texts.get("digest.active"), figure(now.activeMembers(), before.activeMembers(), period, texts), true)
                .field(texts.get("digest.voice"), figure(now.voiceMinutes(), before.voiceMinutes(), period, texts), true)
                .field(texts.get("digest.busiest"), report.peak().map(p -> DigestWords.peak(p, period, texts))
                        .orElseGet(() -> texts.get("digest.busiest.none")), true)
                .field(texts.get("digest.members"), texts.get("digest.members.value", DigestWords.signed(now.netGrowth(), texts),
                        now.joins(), now.leaves()), true)
                .field(texts.get("digest.retention"), retention(report, texts), false);
        list(main, texts.get("digest.top-members"), members(report.topMembers(), "digest.top-members.line", 1, texts));
        list(main, texts.get("digest.top-channels"), channels(report.topChannels(), texts));
        list(main, texts.get("digest.top-voice"), members(report.topVoice(), "digest.top-voice.line", 60, texts));
        list(main, emojiTitle(period, texts), emoji(report.topEmoji(), texts));
        main.field(texts.get("digest.alerts"), alerts(report.alerts(), texts), false);
        report.sentiment().ifPresent(s -> main.field(texts.get("digest.sentiment"), texts.get("digest.sentiment.value",
                s.share(s.positive()), s.share(s.neutral()), s.share(s.negative()), s.total()), false));
        main.footer(footer);
        if (charts.contains(ACTIVITY_FILE)) {
            main.image("attachment://" + ACTIVITY_FILE);
        }
        List<Embed> embeds = new ArrayList<>();
        embeds.add(main.build());
        if (charts.contains(HEATMAP_FILE)) {
            embeds.add(Embed.builder().title(texts.get("digest.heatmap.title", period.zone().getId()))
                    .image("attachment://" + HEATMAP_FILE).build());
        }
        if (charts.contains(CHANNELS_FILE)) {
            embeds.add(Embed.builder().title(texts.get("digest.channels.title")).image("attachment://" + CHANNELS_FILE).build());
        }
        return embeds;
    }

    /**
     * The AI summary's field: by whom, and the cleaned text with its rank labels as mentions (only now, after
     * cleaning; the message is sent with {@code allowed_mentions} empty, so nobody is pinged); or that none could.
     */
    private static void aiField(Embed.Builder main, DigestReport report, Texts texts, SummaryResult summary) {
        if (summary.provider().isEmpty()) {
            main.field(texts.get("digest.ai"), texts.get("digest.ai.none"), false);
            return;
        }
        String shown = AnswerCleaner.withRankMentions(summary.text(), DigestSummaryInput.memberRanks(report),
                DigestSummaryInput.channelRanks(report), DigestSummaryInput.voiceRanks(report));
        String by = texts.get("choice.ai." + summary.provider().get().option());
        main.field(texts.get("digest.ai.by", by, summary.model()), shown.length() <= ResponseLimits.MAX_FIELD_VALUE ? shown : summary.text(), false);
    }

    /** The emoji field's name; for the last 24 hours it says which UTC days the emoji were counted on. */
    private static String emojiTitle(DigestPeriod period, Texts texts) {
        if (period.emojiMatchMembers()) {
            return texts.get("digest.top-emoji");
        }
        LocalDate first = LocalDate.ofInstant(period.days().from(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(period.days().to().minusSeconds(1), ZoneOffset.UTC);
        return texts.get("digest.top-emoji.utc-days", DigestWords.range(first, last, texts));
    }

    private static String figure(long now, long before, DigestPeriod period, Texts texts) {
        return texts.get("digest.value", now, DigestWords.change(now, before, period, texts));
    }

    private static String retention(DigestReport report, Texts texts) {
        String when = texts.get("digest.joined-when." + report.period().kind().label());
        if (report.newMembers().joined() == 0) {
            return texts.get("digest.retention.none", when);
        }
        return texts.get("digest.retention.value", report.newMembers().active(), report.newMembers().joined(), when,
                report.newMembers().share());
    }

    private static void list(Embed.Builder embed, String name, List<String> lines) {
        if (!lines.isEmpty()) {
            embed.field(name, String.join("\n", lines), false);
        }
    }

    private static String rank(int index) {
        return index < MEDALS.size() ? MEDALS.get(index) : "**" + (index + 1) + ".**";
    }

    private static List<String> members(List<MemberCount> members, String lineKey, long divisor, Texts texts) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            lines.add(texts.get(lineKey, rank(i), Long.toUnsignedString(members.get(i).memberId()), members.get(i).count() / divisor));
        }
        return lines;
    }

    private static List<String> channels(List<ChannelCount> channels, Texts texts) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            ChannelCount channel = channels.get(i);
            String change = channel.previousMessages() == 0 ? texts.get("digest.channel-change.new")
                    : (channel.messages() >= channel.previousMessages() ? "+" : "−")
                            + Math.abs(DigestWords.percent(channel.messages(), channel.previousMessages())) + " %";
            lines.add(texts.get("digest.top-channels.line", rank(i), Long.toUnsignedString(channel.channelId()),
                    channel.messages(), change));
        }
        return lines;
    }

    /** Unicode emoji as they are; custom ones ({@code name:id}) as Discord's emoji markup. */
    static List<String> emoji(List<KeyCount> emoji, Texts texts) {
        if (emoji.isEmpty()) {
            return List.of();
        }
        return List.of(emoji.stream().map(e -> texts.get("digest.top-emoji.item", markup(e.key()), e.count()))
                .collect(Collectors.joining("  ·  ")));
    }

    static String markup(String emoji) {
        int colon = emoji.lastIndexOf(':');
        if (colon > 0 && colon < emoji.length() - 1 && emoji.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            return "<:" + emoji + ">";
        }
        return emoji;
    }

    private static String alerts(List<AlertRecord> alerts, Texts texts) {
        if (alerts.isEmpty()) {
            return texts.get("digest.alerts.none");
        }
        List<String> lines = new ArrayList<>();
        for (AlertRecord alert : alerts.subList(0, Math.min(MAX_ALERT_LINES, alerts.size()))) {
            lines.add(texts.get("digest.alerts.line", texts.get("choice.alert." + alert.type().option()),
                    "<t:" + alert.startedAt().getEpochSecond() + ":f>"));
        }
        if (alerts.size() > MAX_ALERT_LINES) {
            lines.add(texts.get("digest.alerts.more", alerts.size() - MAX_ALERT_LINES));
        }
        return String.join("\n", lines);
    }
}
