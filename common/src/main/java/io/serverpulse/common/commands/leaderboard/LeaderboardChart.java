package io.serverpulse.common.commands.leaderboard;

import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.MemberCount;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Renders a leaderboard as a PNG bar chart (XChart, headless AWT). Bars are labelled by rank, the
 * embed next to it says who holds each rank: a chart cannot show Discord mentions, and ServerPulse
 * does not store member names. Rendering takes long enough on a cold start that it only ever runs
 * in deferred work. Creating one costs nothing: AWT and XChart are loaded on the first render (the command
 * core is built before the first command, which never needs them).
 */
public final class LeaderboardChart {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 400;

    public FileAttachment render(String filename, String title, List<MemberCount> entries, Texts texts) {
        return Renderer.render(filename, title, entries, texts);
    }

    /** Linked on the first render only: its colours load AWT's native library, its code XChart. */
    private static final class Renderer {

        private static final Color BLURPLE;
        private static final Color BACKGROUND;
        private static final Color TEXT;

        static {
            // Lambda and servers have no display; never try to open one
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true");
            }
            BLURPLE = new Color(0x58, 0x65, 0xF2);
            BACKGROUND = new Color(0x2B, 0x2D, 0x31);
            TEXT = new Color(0xDB, 0xDE, 0xE1);
        }

        private Renderer() {
        }

        static FileAttachment render(String filename, String title, List<MemberCount> entries, Texts texts) {
            CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                    .xAxisTitle(texts.get("chart.rank")).yAxisTitle(texts.get("chart.messages")).build();
            CategoryStyler styler = chart.getStyler();
            styler.setLocale(texts.locale());
            styler.setLegendVisible(false);
            styler.setChartBackgroundColor(BACKGROUND);
            styler.setPlotBackgroundColor(BACKGROUND);
            styler.setPlotBorderVisible(false);
            styler.setChartFontColor(TEXT);
            styler.setAxisTickLabelsColor(TEXT);
            styler.setPlotGridLinesColor(new Color(0x40, 0x44, 0x4B));
            styler.setSeriesColors(new Color[] {BLURPLE});
            styler.setDecimalPattern("#,##0");
            styler.setLabelsVisible(true);
            styler.setLabelsFontColorAutomaticEnabled(false);
            styler.setLabelsFontColor(TEXT);
            styler.setLabelsPosition(1.0);
            chart.getStyler().setYAxisMin(0.0);
            List<String> ranks = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                ranks.add("#" + (i + 1));
                counts.add(entries.get(i).count());
            }
            chart.addSeries(texts.get("chart.messages"), ranks, counts);
            try {
                byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
                return new FileAttachment(filename, "image/png", png, title);
            } catch (IOException e) {
                throw new UncheckedIOException("could not encode the chart", e);
            }
        }
    }
}
