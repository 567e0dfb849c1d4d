package io.serverpulse.common.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.i18n.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertMessageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String fixture(String name) throws IOException {
        try (InputStream in = AlertMessageTest.class.getResourceAsStream("/alerts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String field(AlertMessage message, String name) {
        return message.fields().stream().filter(f -> f.name().equals(name)).findFirst().map(AlertMessage.Field::value).orElse(null);
    }

    @Test
    void theCollectorsPayloadBecomesTheDocumentedMessageBody() throws IOException {
        // GIVEN the OPENED payload of a mass deletion, as the collector sends it
        AlertNotice notice = AlertNoticeJson.fromJson(fixture("notice-opened.json"));

        // WHEN it is shown in English and written as a Discord message body
        JsonNode body = AlertMessage.of(notice, Texts.forLocale("en-US")).toPost().toJson();

        // THEN it is the fixture: one embed, channels as mentions that ping nobody, the footer naming the alert
        assertThat(body).isEqualTo(MAPPER.readTree(fixture("message-deletion-opened.json")));
    }

    @Test
    void anEndedAlertIsGreySaysHowLongAndHasTheSameFooter() {
        // GIVEN a join raid that lasted 3 h 5 min, for a German guild
        Instant start = Instant.parse("2026-03-03T10:20:00Z");
        AlertRecord raid = new AlertRecord(AlertRecord.idFor(7, AlertType.JOIN_RAID, start), 7, AlertType.JOIN_RAID,
                Severity.CRITICAL, start, null, List.of(), 40, 0.5, "");

        // WHEN the opened and the ended message are built
        AlertMessage opened = AlertMessage.of(AlertNotice.opened(raid), Texts.forLocale("de"));
        AlertMessage ended = AlertMessage.of(AlertNotice.ended(raid.ended(start.plusSeconds(3 * 3600 + 300))), Texts.forLocale("de"));

        // THEN it reads German, the ended one grey with its duration, and both name the alert alike
        assertThat(opened.title()).isEqualTo("🚨 Beitrittswelle");
        assertThat(field(opened, "Schweregrad")).isEqualTo("kritisch");
        assertThat(opened.color()).isEqualTo(AlertMessage.CRITICAL);
        assertThat(opened.description()).isNull();
        assertThat(opened.toEmbedJson().has("description")).isFalse();
        assertThat(ended.title()).isEqualTo("✅ Beitrittswelle — beendet");
        assertThat(ended.color()).isEqualTo(AlertMessage.ENDED);
        assertThat(field(ended, "Dauer")).isEqualTo("3 h 5 min");
        assertThat(field(ended, "Kanäle")).isEqualTo("ganzer Server");
        assertThat(ended.fields()).extracting(AlertMessage.Field::name).containsExactly("Schweregrad", "Beginn", "Ende", "Dauer", "Kanäle");
        assertThat(ended.footer()).isEqualTo(opened.footer()).isEqualTo("ServerPulse alert " + raid.id());
    }

    @Test
    void contextSentencesAreWordedFromDetectionsNumbersInTheGuildsLanguage() {
        // GIVEN the numbers detection reports for a raid, a mass deletion and a voice surge
        AlertFacts raid = new AlertFacts.RaidOpened(14, 60_000, 0.25, 10);
        AlertFacts coldRaid = new AlertFacts.RaidOpened(10, 90_000, null, 10);
        AlertFacts deletion = new AlertFacts.DeletionEnded(7, 12, 120_000, List.of(501L, 502L));
        AlertFacts voice = new AlertFacts.VoiceEnded(9, 2.04);

        // WHEN they are worded for an English and a German guild
        Texts english = Texts.forLocale("en");
        Texts german = Texts.forLocale("de");

        // THEN each reads as an admin sees it: rates with one decimal in the guild's format, windows short, channels as mentions
        assertThat(AlertMessage.context(raid, english)).isEqualTo("usually 0.3 joins/min, now 14 in 60 s");
        assertThat(AlertMessage.context(raid, german)).isEqualTo("üblich 0,3 Beitritte/Min., jetzt 14 in 60 s");
        assertThat(AlertMessage.context(coldRaid, english)).isEqualTo("10 joins in 90 s (alert at 10)");
        assertThat(AlertMessage.context(deletion, english))
                .isEqualTo("peak 7 messages deleted in 2 min, 12 in all, in <#501>, <#502>");
        assertThat(AlertMessage.context(voice, german)).isEqualTo("üblich 2 Mitglieder im Sprachkanal, Spitze 9");
    }
}
