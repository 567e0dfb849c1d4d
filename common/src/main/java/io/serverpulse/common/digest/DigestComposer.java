package io.serverpulse.common.digest;

import io.serverpulse.common.ai.SummaryResult;
import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.digest.DigestReport.ChannelCount;
import io.serverpulse.common.digest.charts.DigestCharts;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A digest from end to end, short of posting it: the report from the store, the channel names for the chart
 * (looked up now, never stored), the charts, the AI summary (when the guild chose a provider), and the message
 * that shows them. Used by {@code /pulse} and by
 * the scheduled digests of both modes.
 */
public final class DigestComposer {

    private final DigestBuilder builder;
    private final DigestCharts charts;
    private final ChannelNames channelNames;
    private final DigestSummaries summaries;

    public DigestComposer(DigestBuilder builder, DigestCharts charts, ChannelNames channelNames) {
        this(builder, charts, channelNames, DigestSummaries.NONE);
    }

    /** @param summaries the AI summary beside the rule-written paragraph */
    public DigestComposer(DigestBuilder builder, DigestCharts charts, ChannelNames channelNames, DigestSummaries summaries) {
        this.builder = builder;
        this.charts = charts;
        this.channelNames = channelNames;
        this.summaries = summaries;
    }

    public static DigestComposer of(Store store, ChannelNames channelNames) {
        return of(store, channelNames, DigestSummaries.NONE);
    }

    public static DigestComposer of(Store store, ChannelNames channelNames, DigestSummaries summaries) {
        return new DigestComposer(new DigestBuilder(store, store, store, store), new DigestCharts(), channelNames, summaries);
    }

    /**
     * A digest as built and as it reads: its numbers, its AI summary (empty without a provider), and the message
     * with its charts.
     */
    public record Composed(DigestReport report, Optional<SummaryResult> summary, MessageBody message) {
    }

    /**
     * @param footer the main embed's footer
     * @param attachmentLimit the largest file the message may carry; a chart above it is left out
     */
    public Composed compose(GuildSettings settings, DigestPeriod period, Texts texts, String footer, long attachmentLimit) {
        DigestReport report = builder.build(settings, period);
        List<Long> top = report.topChannels().stream().map(ChannelCount::channelId).toList();
        Map<Long, String> names = top.isEmpty() ? Map.of() : channelNames.names(report.guildId(), top);
        List<FileAttachment> files = charts.render(report, texts, names).stream()
                .filter(file -> file.size() <= attachmentLimit).toList();
        Optional<SummaryResult> summary = summaries.summarize(settings, report, texts);
        List<Embed> embeds = DigestView.embeds(report, texts, files.stream().map(FileAttachment::filename).toList(), footer,
                summary);
        MessageBody message = new MessageBody(null, embeds, null, false, files);
        return new Composed(report, summary, message);
    }
}
