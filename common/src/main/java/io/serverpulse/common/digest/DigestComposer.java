package io.serverpulse.common.digest;

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

/**
 * A digest from end to end, short of posting it: the report from the store, the channel names for the chart
 * (looked up now, never stored), the charts, and the message that shows them. Used by {@code /pulse} and by
 * the scheduled digests of both modes.
 */
public final class DigestComposer {

    private final DigestBuilder builder;
    private final DigestCharts charts;
    private final ChannelNames channelNames;

    public DigestComposer(DigestBuilder builder, DigestCharts charts, ChannelNames channelNames) {
        this.builder = builder;
        this.charts = charts;
        this.channelNames = channelNames;
    }

    public static DigestComposer of(Store store, ChannelNames channelNames) {
        return new DigestComposer(new DigestBuilder(store, store, store, store), new DigestCharts(), channelNames);
    }

    /** A digest as built and as it reads: its numbers, and the message with its charts. */
    public record Composed(DigestReport report, MessageBody message) {
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
        List<Embed> embeds = DigestView.embeds(report, texts, files.stream().map(FileAttachment::filename).toList(), footer);
        MessageBody message = new MessageBody(null, embeds, null, false, files);
        return new Composed(report, message);
    }
}
