package io.serverpulse.common.digest.charts;

import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.digest.DigestView;
import io.serverpulse.common.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three charts of a digest as PNG files named as the embeds refer to them ({@code attachment://…}):
 * activity with the previous period overlaid, the weekday × hour heatmap, the top channels. A chart with
 * nothing to show is left out (no channel had messages: no bars; nothing posted: neither heatmap nor
 * activity). Rendering takes a few hundred milliseconds at most: it only runs in deferred or scheduled work.
 */
public final class DigestCharts {

    /**
     * @param channelNames display names resolved at render time for the top channels (never stored); a
     *     channel without one is labelled by its rank
     */
    public List<FileAttachment> render(DigestReport report, Texts texts, Map<Long, String> channelNames) {
        List<FileAttachment> files = new ArrayList<>();
        if (report.current().messages() > 0 || report.previous().messages() > 0) {
            files.add(ChartTheme.png(ActivityChart.build(report, texts), DigestView.ACTIVITY_FILE, texts.get("chart.activity.alt")));
        }
        if (report.current().messages() > 0) {
            files.add(ChartTheme.png(HeatmapChart.build(report, texts), DigestView.HEATMAP_FILE, texts.get("chart.heatmap.alt")));
        }
        if (!report.topChannels().isEmpty()) {
            files.add(ChartTheme.png(ChannelChart.build(report, channelNames, texts), DigestView.CHANNELS_FILE,
                    texts.get("chart.channels.alt")));
        }
        return files;
    }
}
