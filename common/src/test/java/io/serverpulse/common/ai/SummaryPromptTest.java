package io.serverpulse.common.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.SummaryInput.AlertEntry;
import io.serverpulse.common.ai.SummaryInput.Growth;
import io.serverpulse.common.ai.SummaryInput.Measure;
import io.serverpulse.common.ai.SummaryInput.Peak;
import io.serverpulse.common.ai.SummaryInput.Ranked;
import io.serverpulse.common.ai.SummaryInput.Sentiment;
import io.serverpulse.common.ai.SummaryInput.Total;
import io.serverpulse.common.alerts.AlertType;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryPromptTest {

    static SummaryInput week(long messages, String language) {
        return new SummaryInput("weekly", language,
                List.of(new Total(Measure.MESSAGES, messages, 1000L), new Total(Measure.ACTIVE_MEMBERS, 42, null)),
                List.of(new Ranked(1, 210, 150L), new Ranked(2, 180, null)),
                List.of(new Ranked(1, 600, 300L)), List.of(new Ranked(1, 95, null)), List.of(new Ranked(1, 31, 12L)),
                new Peak(DayOfWeek.FRIDAY, 20), new Growth(14, 3, 10L, 7L),
                List.of(new AlertEntry(AlertType.JOIN_RAID, DayOfWeek.TUESDAY, 3)), new Sentiment(40, 100, 12));
    }

    @Test
    void thePromptCarriesTheNumbersAsLabelledLines() {
        AiPrompt prompt = SummaryPrompt.of(week(1120, "de"));
        assertThat(prompt.system()).contains("in German").contains("\"member #N\"").contains("no links");
        assertThat(prompt.user()).contains("Period: weekly")
                .contains("Messages: 1120 (previous 1000, +12.0 %)")
                .contains("Active members: 42\n")
                .contains("Top members by messages: member #1 210 (previous 150); member #2 180")
                .contains("Top channels by messages: channel #1 600 (previous 300)")
                .contains("Top members by voice minutes: voice member #1 95")
                .contains("Top emoji by uses: emoji #1 31 (previous 12)")
                .contains("Busiest hour: Friday 20:00-21:00")
                .contains("Joins: 14, leaves: 3, net: 11")
                .contains("Members who joined in the previous period: 10, of whom active in this one: 7")
                .contains("Alerts: Join raid on Tuesday at 03:00")
                .contains("Message mood: positive 40, neutral 100, negative 12");
    }

    @Test
    void theHashFollowsTheNumbersAndTheLanguage() {
        assertThat(SummaryPrompt.hash(week(1120, "en"))).isEqualTo(SummaryPrompt.hash(week(1120, "en")))
                .hasSize(32)
                .isNotEqualTo(SummaryPrompt.hash(week(1121, "en")))
                .isNotEqualTo(SummaryPrompt.hash(week(1120, "fr")));
    }

    @Test
    void anUnknownLanguageIsAnsweredInEnglish() {
        assertThat(SummaryPrompt.of(week(1, "ja")).system()).contains("in English");
    }
}
