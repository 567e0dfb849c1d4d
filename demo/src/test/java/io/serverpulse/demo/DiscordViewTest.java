package io.serverpulse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertMessage;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A bot message as the demo prints it: as a Discord client shows it, names instead of markup. */
class DiscordViewTest {

    private final SimulatedCommunity sim = DemoScenario.build();
    private final DiscordEmulator discord = DiscordEmulator.builder(sim.communities()).build();
    private final DiscordView view = new DiscordView(discord);

    @AfterEach
    void close() {
        discord.close();
    }

    @Test
    void anEndedAlertReadsAsItsEmbedWithNamesAndSimulatedTimes() {
        // GIVEN ServerPulse's own alert message for a mass deletion in a counted channel that ended after 4 minutes
        Community.Channel memes = sim.community().channels().get(0);
        Instant start = Instant.parse("2026-03-03T15:40:00Z");
        AlertRecord ended = new AlertRecord(AlertRecord.idFor(sim.community().guildId(), AlertType.MASS_DELETION, start),
                sim.community().guildId(), AlertType.MASS_DELETION, Severity.WARNING, start, start.plusSeconds(240),
                List.of(memes.id()), 10, 0, "peak 10 messages deleted in 30 s, 10 in all, in <#" + memes.id() + ">");
        var embed = AlertMessage.of(AlertNotice.ended(ended), Texts.english()).toEmbedJson();

        // WHEN shown / THEN title, sentence, inline fields on one line, the channel field on its own, no markup
        assertThat(view.embed(embed)).containsExactly(
                "┃ ✅ Mass deletion — ended",
                "┃ peak 10 messages deleted in 30 s, 10 in all, in #" + memes.name(),
                "┃ Severity: warning   Started: Tue 15:40   Ended: Tue 15:44   Duration: 4 min",
                "┃ Channels: #" + memes.name());
    }

    @Test
    void mentionsTimestampsAndBoldReadAsTheyShow() {
        // GIVEN a line of a leaderboard answer, and a member the emulator knows
        Community.Member member = sim.community().members().get(3);
        String line = "🥇 <@" + member.userId() + "> — **61** messages · 17.5% since <t:1772445600:f>";

        // WHEN / THEN
        assertThat(view.text(line)).isEqualTo("🥇 @" + member.username() + " — 61 messages · 17.5% since Mon 10:00");
    }
}
