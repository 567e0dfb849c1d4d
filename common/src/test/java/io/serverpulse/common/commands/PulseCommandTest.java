package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.MEMES;
import static io.serverpulse.common.commands.CommandKit.NOW;
import static io.serverpulse.common.commands.CommandKit.OTHER_GUILD;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static io.serverpulse.common.commands.CommandKit.withLocale;
import static io.serverpulse.common.commands.CommandKit.withOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class PulseCommandTest {

    private static final long ALICE = 200000000000000001L;
    private static final long BOB = 200000000000000002L;
    private static final long DAVE = 200000000000000004L;

    private final CommandKit kit = new CommandKit();

    private void someActivity() {
        // NOW is Saturday 28 November 2026, 18:30 UTC
        kit.post(GUILD, GENERAL, ALICE, 6, NOW.minus(Duration.ofHours(1)));
        kit.post(GUILD, MEMES, BOB, 4, NOW.minus(Duration.ofDays(3)));
        kit.post(GUILD, GENERAL, BOB, 2, NOW.minus(Duration.ofDays(9)));
        kit.post(OTHER_GUILD, GENERAL, DAVE, 500, NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void anyMemberGetsTheReportOfTheLast7DaysWithItsCharts() {
        // GIVEN a week of activity, and a member without Manage Server
        someActivity();

        // WHEN the member runs /pulse 7d
        Answer answer = kit.run(fixture("pulse.json"));

        // THEN it is answered "thinking…" for the channel to see, then the report with its charts replaces it
        assertThat(answer.type()).isEqualTo(InteractionResponse.DEFERRED_CHANNEL_MESSAGE);
        assertThat(answer.ephemeral()).isFalse();
        FollowUp edit = kit.complete(answer.work());
        JsonNode main = edit.body().path("embeds").get(0);
        assertThat(main.path("title").asText()).isEqualTo("📊 Pulse · the last 7 days (Nov 22, 2026 – Nov 28, 2026)");
        assertThat(main.toString()).contains("**10**\\n+400 % vs the 7 days before")
                .contains("<@" + ALICE + "> · 6 messages").contains("<#" + GENERAL + ">")
                .doesNotContain("**50").doesNotContain(Long.toString(DAVE));
        assertThat(main.path("footer").path("text").asText()).isEqualTo("ServerPulse counts metadata only, never message text.");
        assertThat(edit.files()).extracting(FileAttachment::filename).containsExactly("activity.png", "heatmap.png", "channels.png");
        assertThat(edit.body().path("embeds").findValuesAsText("url"))
                .containsExactly("attachment://activity.png", "attachment://heatmap.png", "attachment://channels.png");
    }

    @Test
    void theReportIsInTheMembersLanguage() {
        // GIVEN activity, and members whose Discord is in German and in French
        someActivity();

        for (String[] expected : new String[][] {{"de", "📊 Puls · die letzten 24 Stunden", "💬 Nachrichten"},
                {"fr", "📊 Pouls · les dernières 24 heures", "💬 Messages"}, {"en-GB", "📊 Pulse · the last 24 hours", "💬 Messages"}}) {
            // WHEN they run /pulse 24h
            Answer answer = kit.run(withLocale(withOptions(fixture("pulse.json"), "[{\"name\":\"period\",\"type\":3,\"value\":\"24h\"}]"),
                    expected[0]));
            JsonNode main = kit.complete(answer.work()).body().path("embeds").get(0);

            // THEN the report speaks their language
            assertThat(main.path("title").asText()).as(expected[0]).isEqualTo(expected[1]);
            assertThat(main.path("fields").get(0).path("name").asText()).as(expected[0]).isEqualTo(expected[2]);
        }
    }

    @Test
    void theBusiestHourIsInTheGuildsTimeZone() {
        // GIVEN a guild in Tokyo, and Alice's six messages an hour ago
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withTimeZone("Asia/Tokyo", Instant.EPOCH));
        someActivity();

        // WHEN /pulse 24h runs
        Answer answer = kit.run(withOptions(fixture("pulse.json"), "[{\"name\":\"period\",\"type\":3,\"value\":\"24h\"}]"));

        // THEN the busiest hour is said in Tokyo's time (17:00 UTC on Saturday is 02:00 on Sunday there)
        ZonedDateTime tokyo = NOW.minus(Duration.ofHours(1)).atZone(ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.getHour()).isEqualTo(2);
        assertThat(kit.complete(answer.work()).body().toString()).contains("Sunday 2:00 AM–3:00 AM\\n(Asia/Tokyo)");
    }

    @Test
    void aQuietGuildStillGetsAnAnswerThatSaysWhatIsCounted() {
        // GIVEN nothing counted
        // WHEN /pulse runs
        Answer answer = kit.run(fixture("pulse.json"));
        FollowUp edit = kit.complete(answer.work());

        // THEN the report says so, with no empty chart
        assertThat(edit.body().path("embeds").get(0).path("description").asText()).startsWith("Nothing was counted in this period.");
        assertThat(edit.files()).isEmpty();
    }

    @Test
    void aPeriodDiscordWouldNotOfferIsRefused() {
        // GIVEN /pulse with a period that is not offered
        Answer answer = kit.run(withOptions(fixture("pulse.json"), "[{\"name\":\"period\",\"type\":3,\"value\":\"all\"}]"));

        // WHEN / THEN it is refused privately
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).startsWith("The value of **period** isn’t valid");
    }
}
