package io.serverpulse.common.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.i18n.Texts;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The embed JSON an alert is posted as, in both modes (these were the collector's JDA embed tests). */
class AlertEmbedJsonTest {

    private static final long GUILD = 100;
    private static final Instant T = Instant.parse("2026-03-04T16:12:00Z");

    private static AlertRecord deletion() {
        return new AlertRecord(AlertRecord.idFor(GUILD, AlertType.MASS_DELETION, T), GUILD, AlertType.MASS_DELETION,
                Severity.CRITICAL, T, null, List.of(555L, 556L), 17, 0, "17 messages deleted in 30 s in <#555>, <#556>");
    }

    private static ObjectNode embed(AlertNotice notice, String locale) {
        return AlertMessage.of(notice, Texts.forLocale(locale)).toEmbedJson();
    }

    private static String field(JsonNode embed, String name) {
        return StreamSupport.stream(embed.path("fields").spliterator(), false).filter(f -> name.equals(f.path("name").asText()))
                .findFirst().map(f -> f.path("value").asText()).orElse(null);
    }

    @Test
    void anOpenedAlertShowsTypeSeverityChannelsStartAndContext() {
        // GIVEN / WHEN a critical mass deletion is shown in English
        ObjectNode embed = embed(AlertNotice.opened(deletion()), "en-US");

        // THEN
        assertThat(embed.path("title").asText()).isEqualTo("🚨 Mass deletion");
        assertThat(embed.path("description").asText()).isEqualTo("17 messages deleted in 30 s in <#555>, <#556>");
        assertThat(embed.path("color").asInt()).isEqualTo(AlertMessage.CRITICAL);
        assertThat(field(embed, "Severity")).isEqualTo("critical");
        assertThat(field(embed, "Started")).isEqualTo("<t:" + T.getEpochSecond() + ":f>");
        assertThat(field(embed, "Channels")).isEqualTo("<#555>, <#556>");
        assertThat(field(embed, "Ended")).isNull();
        assertThat(Instant.parse(embed.path("timestamp").asText())).isEqualTo(T);
        assertThat(embed.path("footer").path("text").asText()).isEqualTo("ServerPulse alert " + deletion().id());
    }

    @Test
    void anEndedAlertSaysWhenAndHowLongInTheGuildsLanguage() {
        // GIVEN / WHEN the same alert, ended 95 s later, for a French guild
        ObjectNode embed = embed(AlertNotice.ended(deletion().ended(T.plusSeconds(95))), "fr");

        // THEN it is grey, with the end and the duration, all labelled in French, and the same footer
        assertThat(embed.path("title").asText()).isEqualTo("✅ Suppression massive — terminé");
        assertThat(embed.path("color").asInt()).isEqualTo(AlertMessage.ENDED);
        assertThat(field(embed, "Fin")).isEqualTo("<t:" + T.plusSeconds(95).getEpochSecond() + ":f>");
        assertThat(field(embed, "Durée")).isEqualTo("95 s");
        assertThat(embed.path("footer").path("text").asText()).isEqualTo("ServerPulse alert " + deletion().id());
    }

    @Test
    void anEndedActivityDropReadsAsADropOfTheWholeServerWithItsHours() {
        // GIVEN an activity drop from 19:00 to 23:00 with its final numbers
        Instant start = Instant.parse("2026-03-03T19:00:00Z");
        AlertRecord drop = new AlertRecord(AlertRecord.idFor(GUILD, AlertType.ACTIVITY_DROP, start), GUILD,
                AlertType.ACTIVITY_DROP, Severity.CRITICAL, start, start.plusSeconds(4 * 3600), List.of(), 9, 107,
                "usually 70 messages at this hour (over 1 previous day), 66 in the last hour; the drop began with 9 messages (usually 107)");

        // WHEN shown in English
        ObjectNode embed = embed(AlertNotice.ended(drop), "en-US");

        // THEN the type, the whole server, both ends, the duration and the numbers
        assertThat(embed.path("title").asText()).isEqualTo("✅ Activity drop — ended");
        assertThat(field(embed, "Channels")).isEqualTo("whole server");
        assertThat(field(embed, "Started")).isEqualTo("<t:" + start.getEpochSecond() + ":f>");
        assertThat(field(embed, "Ended")).isEqualTo("<t:" + (start.getEpochSecond() + 4 * 3600) + ":f>");
        assertThat(field(embed, "Duration")).isEqualTo("4 h 0 min");
        assertThat(embed.path("description").asText()).isEqualTo(drop.context());
    }
}
