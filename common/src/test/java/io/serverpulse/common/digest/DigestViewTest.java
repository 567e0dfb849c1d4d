package io.serverpulse.common.digest;

import static io.serverpulse.common.digest.BerlinWeek.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.commands.ResponseLimits;
import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.digest.DigestReport.ChannelCount;
import io.serverpulse.common.digest.DigestReport.Totals;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestViewTest {

    private static final List<String> ALL_CHARTS = List.of(DigestView.ACTIVITY_FILE, DigestView.HEATMAP_FILE, DigestView.CHANNELS_FILE);

    private static DigestReport berlinWeek() {
        InMemoryStore store = BerlinWeek.store();
        return new DigestBuilder(store, store, store, store).build(BerlinWeek.settings(), BerlinWeek.week());
    }

    private static Map<String, String> fields(Embed embed) {
        Map<String, String> fields = new LinkedHashMap<>();
        embed.fields().forEach(f -> fields.put(f.name(), f.value()));
        return fields;
    }

    private static JsonNode json(List<Embed> embeds) {
        return new MessageBody(null, embeds, null, false, List.of()).toJson(false);
    }

    @Test
    void theBerlinWeekReadsAsAnAdminSeesIt() {
        // GIVEN the digest of BerlinWeek
        DigestReport report = berlinWeek();

        // WHEN it is shown in English with its three charts
        List<Embed> embeds = DigestView.embeds(report, Texts.english(), ALL_CHARTS, DigestView.footer(GUILD, report.period()));

        // THEN the main embed names the week, says what changed, and shows every figure with its change in words
        Embed main = embeds.get(0);
        assertThat(main.title()).isEqualTo("📊 Weekly pulse · Mar 2, 2026 – Mar 8, 2026");
        assertThat(main.description()).startsWith("Messages rose 120 % to 11.");
        Map<String, String> fields = fields(main);
        assertThat(fields).containsEntry("💬 Messages", "**11**\n+120 % vs last week")
                .containsEntry("✨ Reactions", "**4**\nnone last week")
                .containsEntry("👥 Active members", "**6**\n+100 % vs last week")
                .containsEntry("🔊 Voice minutes", "**40**\nnone last week")
                .containsEntry("⏰ Busiest hour", "Friday 8:00 PM–9:00 PM\n(Europe/Berlin)")
                .containsEntry("📈 Members", "**0** net\n1 joined · 1 left")
                .containsEntry("🌱 New members", "1 of the 2 who joined last week took part (50%).")
                .containsEntry("🏆 Top members", "🥇 <@300000000000000001> · 5 messages\n🥈 <@300000000000000007> · 3 messages\n"
                        + "🥉 <@300000000000000002> · 2 messages")
                .containsEntry("📢 Top channels", "🥇 <#1176201535215009855> · 6 messages (+50 %)\n"
                        + "🥈 <#1176201535215009861> · 5 messages (+400 %)")
                .containsEntry("🎙️ Most time in voice", "🥇 <@300000000000000005> · 30 min\n🥈 <@300000000000000006> · 10 min")
                .containsEntry("😀 Top emoji", "🎉 3  ·  <:blob:123456789012345678> 1")
                .containsEntry("🚨 Alerts", "Join raid · <t:" + BerlinWeek.RAID.getEpochSecond() + ":f>")
                .containsEntry("🙂 Sentiment", "😊 50% · 😐 33% · 😞 17% of 6 messages scored");
        // AND the footer names the guild and the week, the charts are the embeds' images
        assertThat(main.footer().text()).isEqualTo("ServerPulse digest 1176201535215009852 weekly:2026-03-02");
        assertThat(main.image().url()).isEqualTo("attachment://activity.png");
        assertThat(embeds).extracting(e -> e.image().url())
                .containsExactly("attachment://activity.png", "attachment://heatmap.png", "attachment://channels.png");
        assertThat(ResponseLimits.checkEdit(json(embeds), 0)).isEmpty();
    }

    @Test
    void germanAndFrenchReadersGetTheirLanguageAndTheSameFooter() {
        // GIVEN the digest of BerlinWeek
        DigestReport report = berlinWeek();
        String footer = DigestView.footer(GUILD, report.period());

        // WHEN it is shown in German and in French
        Embed german = DigestView.embeds(report, Texts.forLocale("de"), List.of(), footer).get(0);
        Embed french = DigestView.embeds(report, Texts.forLocale("fr"), List.of(), footer).get(0);

        // THEN the labels and words are theirs, and the footer (by which a digest is found again) is the same
        assertThat(german.title()).isEqualTo("📊 Wochenpuls · 02.03.2026 – 08.03.2026");
        assertThat(fields(german)).containsEntry("💬 Nachrichten", "**11**\n+120 % ggü. der Vorwoche")
                .containsEntry("⏰ Aktivste Stunde", "Freitag 20:00–21:00\n(Europe/Berlin)");
        assertThat(french.title()).startsWith("📊 Pouls de la semaine · 2 mars 2026");
        assertThat(fields(french)).containsEntry("💬 Messages", "**11**\n+120 % par rapport à la semaine dernière")
                .containsEntry("⏰ Heure la plus active", "vendredi 20:00–21:00\n(Europe/Berlin)");
        assertThat(german.footer()).isEqualTo(french.footer());
        // AND without charts no embed refers to an attachment
        assertThat(german.image()).isNull();
    }

    @Test
    void theLargestPossibleDigestStaysWithinDiscordsLimits() {
        // GIVEN a digest with the longest ids, 5 of everything, custom emoji with 32-character names and 120 alerts
        DigestReport base = berlinWeek();
        List<MemberCount> members = new ArrayList<>();
        List<ChannelCount> channels = new ArrayList<>();
        List<KeyCount> emoji = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(new MemberCount(Long.MAX_VALUE - i, 999_999_999L));
            channels.add(new ChannelCount(Long.MAX_VALUE - i, 999_999_999L, 1));
            emoji.add(new KeyCount("a".repeat(32) + ":" + (Long.MAX_VALUE - i), 999_999_999L));
        }
        List<AlertRecord> alerts = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            alerts.add(BerlinWeek.raid(GUILD, BerlinWeek.RAID.plusSeconds(i)));
        }
        Totals big = new Totals(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, 99_999_999, Long.MAX_VALUE / 4, 99_999_999, 1);
        DigestReport largest = new DigestReport(GUILD, base.period(), big, new Totals(1, 1, 1, 60, 1, 99_999_999), members,
                channels, members, emoji, base.heatmap(), base.peak(), base.activity(), base.previousActivity(),
                new DigestReport.NewMembers(99_999_999, 99_999_998), alerts, Optional.of(new DigestReport.Sentiment(1, 2, 3)));

        for (String locale : List.of("en-US", "de", "fr")) {
            // WHEN it is shown with every chart
            List<Embed> embeds = DigestView.embeds(largest, Texts.forLocale(locale), ALL_CHARTS,
                    DigestView.footer(Long.MAX_VALUE, base.period()));

            // THEN Discord would accept it (6,000 characters in all, 25 fields, 1,024 per field), and the alerts are counted
            assertThat(ResponseLimits.checkEdit(json(embeds), 0)).as(locale).isEmpty();
            assertThat(embeds.get(0).fields()).hasSizeLessThanOrEqualTo(25);
            assertThat(fields(embeds.get(0)).values()).anyMatch(v -> v.endsWith("112") || v.contains(" 112 "));
        }
    }

    @Test
    void theFooterIsTheSameForTheSamePeriodAndDiffersForAnother() {
        DigestPeriod week = BerlinWeek.week();
        assertThat(DigestView.footer(GUILD, week)).isEqualTo(DigestView.footer(GUILD, DigestPeriod.weekly(
                java.time.LocalDate.parse("2026-03-08"), BerlinWeek.BERLIN)));
        assertThat(DigestView.footer(GUILD, week)).isNotEqualTo(DigestView.footer(GUILD, week.next()))
                .isNotEqualTo(DigestView.footer(BerlinWeek.OTHER_GUILD, week));
        assertThat(Instant.EPOCH).isNotNull();
    }

    @Test
    void customEmojiAreShownAsDiscordMarkupAndUnicodeAsTheyAre() {
        assertThat(DigestView.markup("blob_wave:4001")).isEqualTo("<:blob_wave:4001>");
        assertThat(DigestView.markup("👍")).isEqualTo("👍");
        assertThat(DigestView.markup("not:an-id")).isEqualTo("not:an-id");
    }
}
