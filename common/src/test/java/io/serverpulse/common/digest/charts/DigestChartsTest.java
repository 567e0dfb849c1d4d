package io.serverpulse.common.digest.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.digest.DigestBuilder;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;

class DigestChartsTest {

    private static final long GUILD = 1176201535215009852L;
    private static final long GENERAL = 1176201535215009855L;
    private static final long MEMES = 1176201535215009861L;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Monday 2 - Sunday 8 March 2026 in Berlin: 5 messages on Friday 20:30, 3 on Monday 11:00; 4 the week before. */
    private static DigestReport week() {
        InMemoryStore store = new InMemoryStore();
        MetricAggregator aggregator = new MetricAggregator();
        post(aggregator, GENERAL, 5, "2026-03-06T19:30:00Z");
        post(aggregator, MEMES, 3, "2026-03-02T10:00:00Z");
        post(aggregator, GENERAL, 4, "2026-02-25T12:00:00Z");
        store.apply(aggregator.drain());
        GuildSettings settings = GuildSettings.defaults(GUILD).withTimeZone(BERLIN.getId(), Instant.EPOCH);
        return new DigestBuilder(store, store, store, store).build(settings, DigestPeriod.weekly(LocalDate.parse("2026-03-02"), BERLIN));
    }

    private static void post(MetricAggregator aggregator, long channel, int count, String at) {
        for (int i = 0; i < count; i++) {
            aggregator.add(new ActivityEvent.MessagePosted(GUILD, channel, 300000000000000001L + i, Instant.parse(at)));
        }
    }

    private static List<Object> list(java.util.Collection<?> values) {
        return new ArrayList<>(values);
    }

    private static BufferedImage image(FileAttachment file) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(file.bytes()));
    }

    @Test
    void threeOpaquePngsAtTheDocumentedSize() throws IOException {
        // GIVEN / WHEN the charts of the week are rendered
        List<FileAttachment> files = new DigestCharts().render(week(), Texts.english(), Map.of());

        // THEN there are three PNGs, with alt text, on the theme's own opaque background (readable in dark and light Discord)
        assertThat(files).extracting(FileAttachment::filename).containsExactly("activity.png", "heatmap.png", "channels.png");
        for (FileAttachment file : files) {
            BufferedImage image = image(file);
            assertThat(file.contentType()).isEqualTo("image/png");
            assertThat(file.description()).isNotBlank();
            assertThat(image.getWidth()).isEqualTo(ChartTheme.WIDTH);
            assertThat(image.getHeight()).isEqualTo(ChartTheme.HEIGHT);
            Color corner = new Color(image.getRGB(2, 2), true);
            assertThat(corner.getAlpha()).as(file.filename()).isEqualTo(255);
            assertThat(corner.getRGB()).as(file.filename()).isEqualTo(ChartTheme.BACKGROUND.getRGB());
            assertThat(file.size()).isBetween(5_000, 200_000);
        }
    }

    @Test
    void theActivityChartOverlaysTheWeekBeforeDayByDay() {
        // GIVEN / WHEN the activity chart of the week
        CategoryChart chart = ActivityChart.build(week(), Texts.english());

        // THEN its days are Berlin's Monday to Sunday, with last week's messages beside this week's
        assertThat(chart.getSeriesMap().keySet()).containsExactly("Last week", "This week");
        assertThat(list(chart.getSeriesMap().get("This week").getXData())).containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        assertThat(list(chart.getSeriesMap().get("This week").getYData())).containsExactly(3L, 0L, 0L, 0L, 5L, 0L, 0L);
        assertThat(list(chart.getSeriesMap().get("Last week").getYData())).containsExactly(0L, 0L, 4L, 0L, 0L, 0L, 0L);
        assertThat(chart.getTitle()).isEqualTo("Messages per day");
    }

    @Test
    void aDayOfTheSpringTimeChangeIsDrawnHourByHourInLocalTime() throws IOException {
        // GIVEN Sunday 29 March 2026 in Berlin (23 hours; the day before had 24)
        InMemoryStore store = new InMemoryStore();
        GuildSettings settings = GuildSettings.defaults(GUILD).withTimeZone(BERLIN.getId(), Instant.EPOCH);
        DigestReport day = new DigestBuilder(store, store, store, store).build(settings, DigestPeriod.daily(LocalDate.parse("2026-03-29"), BERLIN));

        // WHEN its activity chart is built
        CategoryChart chart = ActivityChart.build(day, Texts.forLocale("de"));

        // THEN it has 23 local hours, 02 skipped, and the day before is cut to fit
        List<Object> hours = list(chart.getSeriesMap().get("Dieser Tag").getXData());
        assertThat(hours).hasSize(23).startsWith("00", "01", "03").endsWith("23");
        assertThat(list(chart.getSeriesMap().get("Vortag").getYData())).hasSize(23);
        assertThat(chart.getXAxisTitle()).isEqualTo("Stunde (Europe/Berlin)");
    }

    @Test
    void theHeatmapPutsEachMessageAtItsLocalWeekdayAndHour() {
        // GIVEN / WHEN the heatmap of the week
        HeatMapChart chart = HeatmapChart.build(week(), Texts.english());

        // THEN Friday 20:00 (Berlin) holds 5 messages and Monday 11:00 holds 3; Monday is the top row
        List<Number[]> cells = new ArrayList<>(chart.getHeatMapSeries().getHeatData());
        List<Object> days = list(chart.getHeatMapSeries().getYData());
        assertThat(days).containsExactly("Sun", "Sat", "Fri", "Thu", "Wed", "Tue", "Mon");
        assertThat(cells).anySatisfy(cell -> assertThat(cell).containsExactly(20, days.indexOf("Fri"), 5L));
        assertThat(cells).anySatisfy(cell -> assertThat(cell).containsExactly(11, days.indexOf("Mon"), 3L));
        assertThat(cells.stream().mapToLong(cell -> cell[2].longValue()).sum()).isEqualTo(8);
    }

    @Test
    void channelBarsAreNamedWhenTheNamesCouldBeLookedUpAndRankedOtherwise() {
        // GIVEN the week's channels
        DigestReport report = week();

        // WHEN the bars are labelled with a name for #general only, one of them very long
        List<String> named = ChannelChart.labels(report.topChannels(), Map.of(GENERAL, "general"), Texts.english());
        List<String> longName = ChannelChart.labels(report.topChannels(), Map.of(GENERAL, "a-very-long-channel-name-indeed"),
                Texts.english());

        // THEN a named bar reads #name, a bar without a name its rank (as in the embed's list)
        assertThat(named).containsExactly("#general", "No. 2");
        assertThat(longName.get(0)).hasSize(ChannelChart.MAX_LABEL).endsWith("…");
        CategoryChart chart = ChannelChart.build(report, Map.of(GENERAL, "general", MEMES, "memes"), Texts.english());
        assertThat(list(chart.getSeriesMap().get("This week").getYData())).containsExactly(5L, 3L);
        assertThat(list(chart.getSeriesMap().get("Last week").getYData())).containsExactly(4L, 0L);
    }

    @Test
    void nothingPostedMeansNoChartToDraw() {
        // GIVEN a guild with nothing stored
        InMemoryStore empty = new InMemoryStore();
        DigestReport report = new DigestBuilder(empty, empty, empty, empty).build(GuildSettings.defaults(GUILD),
                DigestPeriod.weekly(LocalDate.parse("2026-03-02"), BERLIN));

        // WHEN / THEN no empty chart is attached
        assertThat(new DigestCharts().render(report, Texts.english(), Map.of())).isEmpty();
    }

    @Test
    void textAndDataStandOutFromTheBackgroundByWcagContrast() {
        assertThat(ChartTheme.contrast(ChartTheme.TEXT, ChartTheme.BACKGROUND)).isGreaterThanOrEqualTo(7);
        assertThat(ChartTheme.contrast(ChartTheme.MUTED_TEXT, ChartTheme.BACKGROUND)).isGreaterThanOrEqualTo(7);
        assertThat(ChartTheme.contrast(ChartTheme.CURRENT, ChartTheme.BACKGROUND)).isGreaterThanOrEqualTo(3);
        assertThat(ChartTheme.contrast(ChartTheme.PREVIOUS, ChartTheme.BACKGROUND)).isGreaterThanOrEqualTo(3);
        assertThat(ChartTheme.contrast(ChartTheme.HEAT[ChartTheme.HEAT.length - 1], ChartTheme.BACKGROUND)).isGreaterThanOrEqualTo(7);
    }
}
