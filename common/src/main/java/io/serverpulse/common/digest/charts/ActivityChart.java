package io.serverpulse.common.digest.charts;

import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.i18n.Texts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Messages over the period, step by step (local hours of a day, local days of a week or month), with the
 * previous period drawn over it, dashed, step for step.
 */
final class ActivityChart {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH");

    private ActivityChart() {
    }

    static CategoryChart build(DigestReport report, Texts texts) {
        DigestPeriod period = report.period();
        boolean hours = period.kind().step() == ChronoUnit.HOURS;
        CategoryChart chart = new CategoryChartBuilder().width(ChartTheme.WIDTH).height(ChartTheme.HEIGHT)
                .title(texts.get(hours ? "chart.activity.hours" : "chart.activity.days"))
                .xAxisTitle(hours ? texts.get("chart.hour", period.zone().getId()) : "")
                .yAxisTitle(texts.get("chart.messages")).build();
        CategoryStyler styler = chart.getStyler();
        ChartTheme.apply(styler, texts.locale());
        styler.setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        styler.setOverlapped(true);
        styler.setYAxisMin(0.0);
        styler.setXAxisTitleVisible(hours);
        styler.setXAxisMaxLabelCount(hours ? 12 : 10);
        styler.setMarkerSize(hours ? 6 : 10);
        List<String> labels = labels(report, texts);
        List<Long> previous = aligned(report.previousActivity(), labels.size());
        CategorySeries before = chart.addSeries(texts.get("chart.previous." + period.kind().label()), labels, previous);
        before.setLineColor(ChartTheme.PREVIOUS).setLineStyle(ChartTheme.PREVIOUS_LINE);
        before.setMarkerColor(ChartTheme.PREVIOUS).setMarker(SeriesMarkers.NONE);
        CategorySeries now = chart.addSeries(texts.get("chart.current." + period.kind().label()), labels, report.activity());
        now.setLineColor(ChartTheme.CURRENT).setLineStyle(ChartTheme.CURRENT_LINE);
        now.setMarkerColor(ChartTheme.CURRENT).setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    /** The x labels: the local hour ({@code 00}–{@code 23}), the weekday, or the day of the month. */
    static List<String> labels(DigestReport report, Texts texts) {
        DigestPeriod period = report.period();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < report.activity().size(); i++) {
            if (period.kind().step() == ChronoUnit.HOURS) {
                labels.add(HOUR.format(period.hours().from().plus(Duration.ofHours(i)).atZone(period.zone())));
            } else {
                LocalDate day = LocalDate.ofInstant(period.hours().from(), period.zone()).plusDays(i);
                labels.add(report.activity().size() <= 7 ? day.getDayOfWeek().getDisplayName(TextStyle.SHORT, texts.locale())
                        : DateTimeFormatter.ofPattern("d MMM", texts.locale()).format(day));
            }
        }
        return labels;
    }

    /** The previous period step for step: cut, or padded with gaps, when daylight saving time made it longer or shorter. */
    private static List<Long> aligned(List<Long> previous, int size) {
        List<Long> out = new ArrayList<>(previous.subList(0, Math.min(size, previous.size())));
        while (out.size() < size) {
            out.add(null);
        }
        return out;
    }
}
