package io.serverpulse.collector.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.i18n.Texts;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

class AlertEmbedsTest {

    private static final long GUILD = 100;
    private static final Instant T = Instant.parse("2026-03-04T16:12:00Z");

    private static AlertRecord deletion() {
        return new AlertRecord(AlertRecord.idFor(GUILD, AlertType.MASS_DELETION, T), GUILD, AlertType.MASS_DELETION,
                Severity.CRITICAL, T, null, List.of(555L, 556L), 17, 0, "17 messages deleted in 30 s in <#555>, <#556>");
    }

    private static String field(MessageEmbed embed, String name) {
        return embed.getFields().stream().filter(f -> name.equals(f.getName())).findFirst().map(MessageEmbed.Field::getValue)
                .orElse(null);
    }

    @Test
    void anOpenedAlertShowsTypeSeverityChannelsStartAndContext() {
        // GIVEN / WHEN a critical mass deletion is shown in English
        MessageEmbed embed = AlertEmbeds.of(AlertNotice.opened(deletion()), Texts.forLocale("en-US"));

        // THEN
        assertThat(embed.getTitle()).isEqualTo("🚨 Mass deletion");
        assertThat(embed.getDescription()).isEqualTo("17 messages deleted in 30 s in <#555>, <#556>");
        assertThat(embed.getColorRaw()).isEqualTo(AlertEmbeds.CRITICAL);
        assertThat(field(embed, "Severity")).isEqualTo("critical");
        assertThat(field(embed, "Started")).isEqualTo("<t:" + T.getEpochSecond() + ":f>");
        assertThat(field(embed, "Channels")).isEqualTo("<#555>, <#556>");
        assertThat(field(embed, "Ended")).isNull();
        assertThat(embed.getTimestamp().toInstant()).isEqualTo(T);
    }

    @Test
    void anEndedAlertSaysWhenAndHowLongInTheGuildsLanguage() {
        // GIVEN / WHEN the same alert, ended 95 s later, for a French guild
        MessageEmbed embed = AlertEmbeds.of(AlertNotice.ended(deletion().ended(T.plusSeconds(95))), Texts.forLocale("fr"));

        // THEN it is grey, with the end and the duration, all labelled in French
        assertThat(embed.getTitle()).isEqualTo("✅ Suppression massive — terminé");
        assertThat(embed.getColorRaw()).isEqualTo(AlertEmbeds.ENDED);
        assertThat(field(embed, "Fin")).isEqualTo("<t:" + T.plusSeconds(95).getEpochSecond() + ":f>");
        assertThat(field(embed, "Durée")).isEqualTo("95 s");
    }

    @Test
    void anEndedActivityDropReadsAsADropOfTheWholeServerWithItsHours() {
        // GIVEN an activity drop from 19:00 to 23:00 with its final numbers
        Instant start = Instant.parse("2026-03-03T19:00:00Z");
        AlertRecord drop = new AlertRecord(AlertRecord.idFor(GUILD, AlertType.ACTIVITY_DROP, start), GUILD,
                AlertType.ACTIVITY_DROP, Severity.CRITICAL, start, start.plusSeconds(4 * 3600), List.of(), 9, 107,
                "usually 70 messages at this hour (over 1 previous day), 66 in the last hour; the drop began with 9 messages (usually 107)");

        // WHEN shown in English
        MessageEmbed embed = AlertEmbeds.of(AlertNotice.ended(drop), Texts.forLocale("en-US"));

        // THEN the type, the whole server, both ends, the duration and the numbers
        assertThat(embed.getTitle()).isEqualTo("✅ Activity drop — ended");
        assertThat(field(embed, "Channels")).isEqualTo("whole server");
        assertThat(field(embed, "Started")).isEqualTo("<t:" + start.getEpochSecond() + ":f>");
        assertThat(field(embed, "Ended")).isEqualTo("<t:" + (start.getEpochSecond() + 4 * 3600) + ":f>");
        assertThat(field(embed, "Duration")).isEqualTo("4 h 0 min");
        assertThat(embed.getDescription()).isEqualTo(drop.context());
    }
}
