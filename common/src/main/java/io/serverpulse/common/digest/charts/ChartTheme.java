package io.serverpulse.common.digest.charts;

import io.serverpulse.common.commands.message.FileAttachment;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The look of every digest chart. Discord shows an embed's image at roughly 400–520 pixels wide, in a dark
 * or a light theme it does not tell the bot about: so the charts are {@value #WIDTH}×{@value #HEIGHT} with
 * fonts large enough to stay readable at little more than half size (22 px labels, 30 px titles), on an opaque background of their own (never transparent),
 * with text at a contrast of at least 7:1 and data at least 3:1 against it (WCAG), which reads the same in both
 * themes.
 */
public final class ChartTheme {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 400;
    public static final Color BACKGROUND = new Color(0x23, 0x24, 0x28);
    public static final Color TEXT = new Color(0xF2, 0xF3, 0xF5);
    public static final Color MUTED_TEXT = new Color(0xC4, 0xC9, 0xCE);
    public static final Color GRID = new Color(0x3F, 0x41, 0x47);
    /** This period: Discord's blurple, lightened for contrast. */
    public static final Color CURRENT = new Color(0x8C, 0x96, 0xFF);
    /** The previous period: a quiet grey, dashed. */
    public static final Color PREVIOUS = new Color(0x9A, 0xA0, 0xA8);
    /** Heatmap: from an empty hour to the busiest. */
    public static final Color[] HEAT = {new Color(0x2E, 0x30, 0x36), new Color(0x4E, 0x5A, 0xC8), new Color(0x8C, 0x96, 0xFF),
            new Color(0xF0, 0xB2, 0x32), new Color(0xFF, 0xE0, 0x66)};

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 30);
    static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
    /** This period's line, and the previous period's, dashed. */
    static final BasicStroke CURRENT_LINE = new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke PREVIOUS_LINE = new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {12f, 9f}, 0f);

    static {
        // Lambda and servers have no display; never try to open one
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartTheme() {
    }

    static void apply(AxesChartStyler styler, Locale locale) {
        styler.setLocale(locale);
        styler.setChartBackgroundColor(BACKGROUND);
        styler.setPlotBackgroundColor(BACKGROUND);
        styler.setPlotBorderVisible(false);
        styler.setChartFontColor(TEXT);
        styler.setChartTitleFont(TITLE);
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTickLabelsFont(LABELS);
        styler.setAxisTickLabelsColor(MUTED_TEXT);
        styler.setAxisTitleFont(AXIS_TITLE);
        styler.setAxisTickMarksColor(GRID);
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setLegendFont(LABELS);
        styler.setLegendBackgroundColor(BACKGROUND);
        styler.setLegendBorderColor(BACKGROUND);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartPadding(16);
        styler.setDecimalPattern("#,##0");
        styler.setAntiAlias(true);
    }

    static FileAttachment png(Chart<?, ?> chart, String filename, String description) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return new FileAttachment(filename, "image/png", png, description);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart " + filename, e);
        }
    }

    /** WCAG contrast ratio of two colours (1 to 21). */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int value) {
        double v = value / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
