package io.serverpulse.common.digest;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.digest.DigestReport.ChannelCount;
import io.serverpulse.common.digest.DigestReport.Totals;
import io.serverpulse.common.i18n.Texts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The short "what changed" paragraph of a digest, written by fixed rules from its numbers alone: no
 * network, always present, in the reader's language. At most {@link #MAX_SENTENCES} sentences, in this
 * order of importance: messages, alerts, active members, the channel that moved most, growth, new-member
 * retention, voice.
 */
public final class WhatChanged {

    public static final int MAX_SENTENCES = 4;
    /** A channel "moved" when its messages changed by at least this many ... */
    static final long MOVE_MESSAGES = 10;
    /** ... and by at least this share of what it had before. */
    static final double MOVE_SHARE = 0.2;
    /** Voice time is mentioned only when it changed by at least this many per cent. */
    static final long VOICE_PERCENT = 25;

    private WhatChanged() {
    }

    public static String paragraph(DigestReport report, Texts texts) {
        return String.join(" ", sentences(report, texts));
    }

    static List<String> sentences(DigestReport report, Texts texts) {
        Totals now = report.current();
        Totals before = report.previous();
        String when = texts.get("digest.joined-when." + report.period().kind().label());
        if (report.quiet()) {
            return List.of(texts.get("digest.changed.quiet"));
        }
        List<String> sentences = new ArrayList<>();
        if (before.isEmpty()) {
            sentences.add(texts.get("digest.changed.first", when, now.messages(), now.activeMembers()));
        } else {
            sentences.add(messages(now.messages(), before.messages(), texts));
        }
        alerts(report.alerts(), texts).ifPresent(sentences::add);
        if (!before.isEmpty()) {
            members(now.activeMembers(), before.activeMembers(), texts).ifPresent(sentences::add);
            mover(report.channels(), texts).ifPresent(sentences::add);
        }
        growth(now, texts).ifPresent(sentences::add);
        if (report.newMembers().joined() > 0) {
            sentences.add(texts.get("digest.changed.retention", report.newMembers().active(), report.newMembers().joined(), when));
        }
        if (!before.isEmpty()) {
            voice(now, before, texts).ifPresent(sentences::add);
        }
        return sentences.size() > MAX_SENTENCES ? List.copyOf(sentences.subList(0, MAX_SENTENCES)) : sentences;
    }

    private static String messages(long now, long before, Texts texts) {
        if (before == 0) {
            return texts.get("digest.changed.messages.none", now);
        }
        long percent = DigestWords.percent(now, before);
        if (Math.abs(percent) < DigestWords.STEADY_PERCENT) {
            return texts.get("digest.changed.messages.steady", now);
        }
        return texts.get(percent > 0 ? "digest.changed.messages.up" : "digest.changed.messages.down", Math.abs(percent), now);
    }

    private static Optional<String> members(long now, long before, Texts texts) {
        if (before == 0 || Math.abs(DigestWords.percent(now, before)) < DigestWords.STEADY_PERCENT) {
            return Optional.empty();
        }
        return Optional.of(texts.get(now > before ? "digest.changed.members.up" : "digest.changed.members.down", before, now));
    }

    private static Optional<String> mover(List<ChannelCount> channels, Texts texts) {
        return channels.stream()
                .filter(c -> Math.abs(c.change()) >= MOVE_MESSAGES && Math.abs(c.change()) >= MOVE_SHARE * c.previousMessages())
                .max(Comparator.comparingLong((ChannelCount c) -> Math.abs(c.change()))
                        .thenComparing(Comparator.comparingLong(ChannelCount::channelId).reversed()))
                .map(c -> texts.get(c.change() > 0 ? "digest.changed.channel.up" : "digest.changed.channel.down",
                        Long.toUnsignedString(c.channelId()), Math.abs(c.change())));
    }

    private static Optional<String> growth(Totals now, Texts texts) {
        if (now.joins() == 0 && now.leaves() == 0) {
            return Optional.empty();
        }
        long net = now.netGrowth();
        if (net == 0) {
            return Optional.of(texts.get("digest.changed.growth.even", now.joins()));
        }
        return Optional.of(texts.get(net > 0 ? "digest.changed.growth.up" : "digest.changed.growth.down", Math.abs(net),
                now.joins(), now.leaves()));
    }

    private static Optional<String> alerts(List<AlertRecord> alerts, Texts texts) {
        if (alerts.isEmpty()) {
            return Optional.empty();
        }
        String types = alerts.stream().map(AlertRecord::type).distinct().sorted(Comparator.comparing(AlertType::ordinal))
                .map(type -> texts.get("choice.alert." + type.option())).collect(Collectors.joining(", "));
        return Optional.of(texts.get("digest.changed.alerts", alerts.size(), types));
    }

    private static Optional<String> voice(Totals now, Totals before, Texts texts) {
        if (before.voiceMinutes() == 0 || now.voiceMinutes() == before.voiceMinutes()) {
            return Optional.empty();
        }
        long percent = DigestWords.percent(now.voiceMinutes(), before.voiceMinutes());
        if (Math.abs(percent) < VOICE_PERCENT) {
            return Optional.empty();
        }
        return Optional.of(texts.get(percent > 0 ? "digest.changed.voice.up" : "digest.changed.voice.down", Math.abs(percent),
                now.voiceMinutes()));
    }
}
