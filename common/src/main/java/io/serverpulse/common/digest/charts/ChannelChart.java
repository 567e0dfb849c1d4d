package io.serverpulse.common.digest.charts;

import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.digest.DigestReport.ChannelCount;
import io.serverpulse.common.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/**
 * The busiest channels as bars, this period beside the previous one. A bar is labelled with the channel's
 * display name when it could be resolved at render time ({@code #general}), else with its rank, which the
 * embed's list maps to the channel's mention.
 */
final class ChannelChart {

    /** Longest label drawn under a bar. */
    static final int MAX_LABEL = 14;
    /** Labels longer than this are drawn at a slant so that neighbours do not overlap. */
    static final int ROTATE_ABOVE = 8;

    private ChannelChart() {
    }

    static CategoryChart build(DigestReport report, Map<Long, String> names, Texts texts) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartTheme.WIDTH).height(ChartTheme.HEIGHT)
                .title(texts.get("chart.channels")).yAxisTitle(texts.get("chart.messages")).build();
        CategoryStyler styler = chart.getStyler();
        ChartTheme.apply(styler, texts.locale());
        styler.setYAxisMin(0.0);
        styler.setXAxisTitleVisible(false);
        styler.setLabelsVisible(false);
        styler.setAvailableSpaceFill(0.7);
        styler.setSeriesColors(new java.awt.Color[] {ChartTheme.PREVIOUS, ChartTheme.CURRENT});
        List<ChannelCount> top = report.topChannels();
        List<String> labels = labels(top, names, texts);
        if (labels.stream().anyMatch(label -> label.length() > ROTATE_ABOVE)) {
            styler.setXAxisLabelRotation(35);
        }
        List<Long> before = top.stream().map(ChannelCount::previousMessages).toList();
        List<Long> now = top.stream().map(ChannelCount::messages).toList();
        chart.addSeries(texts.get("chart.previous." + report.period().kind().label()), labels, before);
        CategorySeries current = chart.addSeries(texts.get("chart.current." + report.period().kind().label()), labels, now);
        current.setFillColor(ChartTheme.CURRENT);
        return chart;
    }

    static List<String> labels(List<ChannelCount> channels, Map<Long, String> names, Texts texts) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            String name = names.get(channels.get(i).channelId());
            if (name == null || name.isBlank()) {
                labels.add(texts.get("chart.channel-rank", i + 1));
            } else {
                String shown = "#" + name.strip();
                labels.add(shown.length() > MAX_LABEL ? shown.substring(0, MAX_LABEL - 1) + "…" : shown);
            }
        }
        return labels;
    }
}
