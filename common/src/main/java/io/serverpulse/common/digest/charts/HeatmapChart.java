package io.serverpulse.common.digest.charts;

import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.digest.DigestReport.Heatmap;
import io.serverpulse.common.i18n.Texts;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * Messages per local weekday and hour: a 24 × 7 grid, Monday on top, the busiest hour the brightest. The hours
 * are a numeric axis labelled every three hours at the hour's start ({@code 00}, {@code 03}, …).
 */
final class HeatmapChart {

    private HeatmapChart() {
    }

    static HeatMapChart build(DigestReport report, Texts texts) {
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartTheme.WIDTH).height(ChartTheme.HEIGHT)
                .title(texts.get("chart.heatmap")).xAxisTitle(texts.get("chart.hour", report.period().zone().getId())).build();
        HeatMapStyler styler = chart.getStyler();
        ChartTheme.apply(styler, texts.locale());
        styler.setRangeColors(ChartTheme.HEAT);
        styler.setShowValue(false);
        styler.setDrawBorder(true);
        styler.setLegendVisible(false);
        styler.setPlotGridLinesVisible(false);
        styler.setMin(0);
        styler.setMax(Math.max(1, report.heatmap().max()));
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < Heatmap.HOURS; h++) {
            hours.add(h);
        }
        chart.setCustomXAxisTickLabelsFormatter(hour -> Math.round(hour) % 3 == 0 ? String.format("%02d", Math.round(hour)) : "");
        List<String> days = new ArrayList<>();
        for (int d = Heatmap.DAYS; d >= 1; d--) {
            days.add(DayOfWeek.of(d).getDisplayName(TextStyle.SHORT, texts.locale()));
        }
        List<Number[]> cells = new ArrayList<>();
        for (int h = 0; h < Heatmap.HOURS; h++) {
            for (int row = 0; row < Heatmap.DAYS; row++) {
                DayOfWeek day = DayOfWeek.of(Heatmap.DAYS - row);
                cells.add(new Number[] {h, row, report.heatmap().get(day, h)});
            }
        }
        chart.addSeries(texts.get("chart.messages"), hours, days, cells);
        return chart;
    }
}
