package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.ANNOUNCEMENTS;
import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.MEMBER_PERMISSIONS;
import static io.serverpulse.common.commands.CommandKit.MEMES;
import static io.serverpulse.common.commands.CommandKit.NOW;
import static io.serverpulse.common.commands.CommandKit.OTHER_GUILD;
import static io.serverpulse.common.commands.CommandKit.asMember;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static io.serverpulse.common.commands.CommandKit.withLocale;
import static io.serverpulse.common.commands.CommandKit.withOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.metrics.ActivityEvent.MessageSentiment;
import io.serverpulse.common.metrics.ActivityEvent.Sentiment;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code /sentiment on|off|summary}: the opt-in, and the counts an admin sees. */
class SentimentCommandTest {

    private static final String KEPT = "🔒 Message text is scored in memory and dropped at once; only three counts per channel and"
            + " hour are stored (positive, neutral, negative). Only collected channels are scored, and no text, word or member"
            + " is kept.";

    /** Sentiment counts as the collector's aggregator would write them: {@code positive/neutral/negative} at an instant. */
    private static void score(CommandKit kit, long guild, long channel, int positive, int neutral, int negative, Instant at) {
        MetricAggregator aggregator = new MetricAggregator();
        for (int i = 0; i < positive; i++) {
            aggregator.add(new MessageSentiment(guild, channel, Sentiment.POSITIVE, at));
        }
        for (int i = 0; i < neutral; i++) {
            aggregator.add(new MessageSentiment(guild, channel, Sentiment.NEUTRAL, at));
        }
        for (int i = 0; i < negative; i++) {
            aggregator.add(new MessageSentiment(guild, channel, Sentiment.NEGATIVE, at));
        }
        kit.store.apply(aggregator.drain());
    }

    private static void optIn(CommandKit kit) {
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withSentiment(true, Instant.EPOCH));
    }

    private static ObjectNode summary(String period) {
        ObjectNode interaction = fixture("sentiment-summary.json");
        String options = period == null ? "[]" : "[{\"name\":\"period\",\"type\":3,\"value\":\"" + period + "\"}]";
        return withOptions(interaction, "[{\"name\":\"summary\",\"type\":1,\"options\":" + options + "}]");
    }

    private static JsonNode embed(Answer answer) {
        assertThat(answer.data().path("embeds")).as("embeds in %s", answer.text()).hasSize(1);
        return answer.data().path("embeds").get(0);
    }

    @Nested
    class OnADeploymentThatScores {

        private final CommandKit kit = new CommandKit(true, true);

        @Test
        void onStoresTheOptInAndSaysWhatIsKept() {
            // GIVEN a guild that never chose
            // WHEN an admin runs /sentiment on
            Answer answer = kit.run(fixture("sentiment-on.json"));

            // THEN the opt-in is stored, and the private answer says what is and isn't kept
            assertThat(kit.store.settings(GUILD).sentimentEnabled()).isTrue();
            assertThat(kit.store.settings(GUILD).updatedAt()).isEqualTo(NOW);
            assertThat(answer.ephemeral()).isTrue();
            assertThat(answer.content()).isEqualTo("✅ Sentiment counts are on for this server.\n" + KEPT
                    + "\nSee the counts with /sentiment summary.");
        }

        @Test
        void onTwiceChangesNothing() {
            // GIVEN a guild already opted in
            optIn(kit);

            // WHEN /sentiment on runs again
            Answer answer = kit.run(fixture("sentiment-on.json"));

            // THEN it says so, and the stored settings are untouched
            assertThat(answer.content()).startsWith("Sentiment counts were already on for this server. Nothing was changed.\n")
                    .contains(KEPT);
            assertThat(kit.store.settings(GUILD).updatedAt()).isEqualTo(Instant.EPOCH);
        }

        @Test
        void offStoresTheOptOut() {
            // GIVEN a guild opted in
            optIn(kit);

            // WHEN an admin runs /sentiment off
            Answer answer = kit.run(fixture("sentiment-off.json"));

            // THEN the opt-out is stored, and the answer says what happens to the counts already stored
            assertThat(kit.store.settings(GUILD).sentimentEnabled()).isFalse();
            assertThat(answer.ephemeral()).isTrue();
            assertThat(answer.content()).isEqualTo("✅ Sentiment counts are off. Messages are no longer scored; counts already"
                    + " stored stay until they expire.");
        }

        @Test
        void offWhenAlreadyOffChangesNothing() {
            // GIVEN / WHEN /sentiment off in a guild that never opted in
            Answer answer = kit.run(fixture("sentiment-off.json"));

            // THEN nothing is written
            assertThat(answer.content()).isEqualTo("Sentiment counts were already off. Nothing was changed.");
            assertThat(kit.store.allSettings()).isEmpty();
        }

        @Test
        void summaryShowsCountsAndSharesOverallAndPerChannel() {
            // GIVEN an opted-in guild with counts in three channels within 30 days, one older count, and another guild's
            optIn(kit);
            score(kit, GUILD, GENERAL, 12, 6, 2, NOW.minus(Duration.ofHours(1)));
            score(kit, GUILD, MEMES, 3, 3, 4, NOW.minus(Duration.ofDays(3)));
            score(kit, GUILD, ANNOUNCEMENTS, 1, 0, 0, NOW.minus(Duration.ofDays(20)));
            score(kit, GUILD, GENERAL, 0, 0, 100, NOW.minus(Duration.ofDays(40)));
            score(kit, OTHER_GUILD, GENERAL, 50, 0, 0, NOW.minus(Duration.ofHours(1)));

            // WHEN an admin asks for the last 30 days
            Answer answer = kit.run(fixture("sentiment-summary.json"));

            // THEN the private embed shows exactly the 31 messages of this guild and period, overall and by channel
            assertThat(answer.ephemeral()).isTrue();
            JsonNode embed = embed(answer);
            assertThat(embed.path("title").asText()).isEqualTo("Message sentiment · the last 30 days");
            assertThat(embed.path("description").asText()).isEqualTo("""
                    😊 Positive: **16** (51.6%)
                    😐 Neutral: **9** (29.0%)
                    😞 Negative: **6** (19.4%)

                    31 messages scored in this period.""");
            assertThat(embed.path("fields")).hasSize(1);
            assertThat(embed.path("fields").get(0).path("name").asText()).isEqualTo("Busiest channels");
            assertThat(embed.path("fields").get(0).path("value").asText()).isEqualTo("""
                    <#1176201535215009855> — **20** messages: 😊 60.0% · 😐 30.0% · 😞 10.0%
                    <#1176201535215009861> — **10** messages: 😊 30.0% · 😐 30.0% · 😞 40.0%
                    <#1176201535215009860> — **1** message: 😊 100.0% · 😐 0.0% · 😞 0.0%""");
            assertThat(embed.path("footer").path("text").asText()).isEqualTo("Message text is scored in memory and dropped at"
                    + " once; only three counts per channel and hour are stored.");
        }

        @Test
        void theDefaultPeriodIsTheLastSevenDays() {
            // GIVEN counts 3 days and 20 days ago
            optIn(kit);
            score(kit, GUILD, MEMES, 3, 3, 4, NOW.minus(Duration.ofDays(3)));
            score(kit, GUILD, ANNOUNCEMENTS, 1, 0, 0, NOW.minus(Duration.ofDays(20)));

            // WHEN /sentiment summary runs without a period
            Answer answer = kit.run(summary(null));

            // THEN only the last 7 days count
            JsonNode embed = embed(answer);
            assertThat(embed.path("title").asText()).isEqualTo("Message sentiment · the last 7 days");
            assertThat(embed.path("description").asText()).endsWith("10 messages scored in this period.");
            assertThat(embed.path("fields").get(0).path("value").asText()).doesNotContain("1176201535215009860");
        }

        @Test
        void onlyTheFiveBusiestChannelsAreListedButAllAreCounted() {
            // GIVEN seven channels with 1 to 7 positive messages each in the last 24 hours
            optIn(kit);
            for (int i = 1; i <= 7; i++) {
                score(kit, GUILD, 1176201535215010000L + i, i, 0, 0, NOW.minus(Duration.ofMinutes(10)));
            }

            // WHEN /sentiment summary period:24h
            Answer answer = kit.run(summary("24h"));

            // THEN the total covers all 28 messages, and the list shows the five busiest, busiest first
            JsonNode embed = embed(answer);
            assertThat(embed.path("description").asText()).startsWith("😊 Positive: **28** (100.0%)")
                    .endsWith("28 messages scored in this period.");
            assertThat(embed.path("fields").get(0).path("value").asText().lines().map(line -> line.substring(0, 24)))
                    .containsExactly("<#1176201535215010007> —", "<#1176201535215010006> —", "<#1176201535215010005> —",
                            "<#1176201535215010004> —", "<#1176201535215010003> —");
        }

        @Test
        void notOptedInSaysHowToTurnItOn() {
            // GIVEN / WHEN /sentiment summary in a guild that never opted in
            Answer answer = kit.run(fixture("sentiment-summary.json"));

            // THEN a private hint to turn it on
            assertThat(answer.ephemeral()).isTrue();
            assertThat(answer.content()).isEqualTo("Sentiment counts are off for this server, so there’s nothing to show."
                    + " Turn them on with /sentiment on.");
        }

        @Test
        void optedInButNothingCountedYet() {
            // GIVEN an opted-in guild with message counts but no sentiment counts
            optIn(kit);
            kit.post(GUILD, GENERAL, 200000000000000001L, 5, NOW.minus(Duration.ofHours(1)));

            // WHEN /sentiment summary period:30d
            Answer answer = kit.run(fixture("sentiment-summary.json"));

            // THEN it says nothing was scored yet, and why that can be
            assertThat(answer.ephemeral()).isTrue();
            assertThat(answer.content()).isEqualTo("Sentiment counts are on, but no messages were scored for the last 30 days"
                    + " yet. Only collected channels are scored, from the moment counting was turned on.");
        }

        @Test
        void countsFromBeforeAnOptOutAreStillShownAndSaidToBeOld() {
            // GIVEN counts stored while opted in, then /sentiment off
            optIn(kit);
            score(kit, GUILD, GENERAL, 1, 1, 0, NOW.minus(Duration.ofDays(2)));
            kit.run(fixture("sentiment-off.json"));

            // WHEN /sentiment summary
            Answer answer = kit.run(fixture("sentiment-summary.json"));

            // THEN the counts are shown with a note that counting is off now
            assertThat(embed(answer).path("description").asText()).endsWith("""
                    2 messages scored in this period.
                    Counting is off now: these are counts from before it was turned off.""");
        }

        @Test
        void aPeriodOutsideTheChoicesIsRefused() {
            // GIVEN / WHEN a payload with a period Discord never offers for this command
            Answer answer = kit.run(summary("all"));

            // THEN a clear private error naming the option
            assertThat(answer.ephemeral()).isTrue();
            assertThat(answer.content()).isEqualTo("The value of **period** isn’t valid. Pick one of the values Discord offers.");
        }

        @Test
        void aMemberWithoutManageServerCanNeitherSwitchNorRead() {
            // GIVEN an opted-in guild with counts
            optIn(kit);
            score(kit, GUILD, GENERAL, 1, 0, 0, NOW.minus(Duration.ofHours(1)));
            GuildSettings before = kit.store.settings(GUILD);

            for (String fixture : new String[] {"sentiment-on.json", "sentiment-off.json", "sentiment-summary.json"}) {
                // WHEN a member without Manage Server sends the interaction
                Answer answer = kit.run(asMember(fixture(fixture), MEMBER_PERMISSIONS));

                // THEN it is refused privately, shows no counts, and changes nothing
                assertThat(answer.content()).as(fixture)
                        .isEqualTo("🔒 You need the **Manage Server** permission to use this command. Nothing was changed.");
                assertThat(answer.ephemeral()).isTrue();
                assertThat(answer.data().has("embeds")).isFalse();
                assertThat(kit.store.settings(GUILD)).isEqualTo(before);
            }
        }

        @Test
        void germanAdminsReadTheSummaryInGerman() {
            // GIVEN counts in #general
            optIn(kit);
            score(kit, GUILD, GENERAL, 3, 1, 0, NOW.minus(Duration.ofHours(1)));

            // WHEN a German admin asks
            Answer answer = kit.run(withLocale(fixture("sentiment-summary.json"), "de"));

            // THEN numbers and words are German
            JsonNode embed = embed(answer);
            assertThat(embed.path("title").asText()).isEqualTo("Stimmung der Nachrichten · die letzten 30 Tage");
            assertThat(embed.path("description").asText()).isEqualTo("""
                    😊 Positiv: **3** (75,0%)
                    😐 Neutral: **1** (25,0%)
                    😞 Negativ: **0** (0,0%)

                    4 Nachrichten in diesem Zeitraum bewertet.""");
            assertThat(embed.path("fields").get(0).path("value").asText())
                    .isEqualTo("<#1176201535215009855> — **4** Nachrichten: 😊 75,0% · 😐 25,0% · 😞 0,0%");
        }

        @Test
        void frenchAdminsReadTheOptInInFrench() {
            // GIVEN / WHEN a French admin runs /sentiment on
            Answer answer = kit.run(withLocale(fixture("sentiment-on.json"), "fr"));

            // THEN the answer, with what is kept, is French and names the French sub command
            assertThat(answer.content()).isEqualTo("""
                    ✅ Le comptage du ressenti est activé pour ce serveur.
                    🔒 Le texte des messages est évalué en mémoire puis supprimé aussitôt ; seuls trois nombres par salon et \
                    par heure sont stockés (positif, neutre, négatif). Seuls les salons suivis sont évalués, et aucun texte, mot \
                    ou membre n’est conservé.
                    Consulte les chiffres avec /sentiment résumé.""");
        }
    }

    @Nested
    class OnADeploymentWithoutMessageContent {

        private final CommandKit kit = new CommandKit(true, false);

        @Test
        void onSavesTheChoiceButSaysNothingWillBeCounted() {
            // GIVEN the operator has not enabled message content
            // WHEN an admin runs /sentiment on
            Answer answer = kit.run(fixture("sentiment-on.json"));

            // THEN the choice is stored, and the answer says plainly that nothing is counted until the operator acts
            assertThat(kit.store.settings(GUILD).sentimentEnabled()).isTrue();
            assertThat(answer.ephemeral()).isTrue();
            assertThat(answer.content()).isEqualTo("✅ Sentiment counts are on for this server.\n" + KEPT + "\n⚠️ Your choice is"
                    + " saved, but **nothing will be counted** until the bot’s operator enables message content: this"
                    + " deployment doesn’t score messages.");
        }

        @Test
        void summaryOfAnOptedInGuildExplainsWhyItIsEmpty() {
            // GIVEN an opted-in guild on a deployment that scores nothing
            optIn(kit);

            // WHEN /sentiment summary
            Answer answer = kit.run(fixture("sentiment-summary.json"));

            // THEN it points at the operator, not at the admin
            assertThat(answer.content()).isEqualTo("Sentiment counts are on for this server, but nothing has been counted: this"
                    + " deployment doesn’t score messages until the bot’s operator enables message content.");
        }

        @Test
        void summaryOfAGuildThatNeverOptedInSaysBoth() {
            // GIVEN / WHEN /sentiment summary in a guild that never opted in
            Answer answer = kit.run(fixture("sentiment-summary.json"));

            // THEN it says how to opt in, and that this deployment would still count nothing
            assertThat(answer.content()).isEqualTo("Sentiment counts are off for this server, so there’s nothing to show."
                    + " Turn them on with /sentiment on.\n⚠️ This deployment doesn’t score messages: nothing will be counted"
                    + " until the bot’s operator enables message content.");
        }

        @Test
        void germanAdminsAreToldInGerman() {
            // GIVEN / WHEN a German admin runs /sentiment on
            Answer answer = kit.run(withLocale(fixture("sentiment-on.json"), "de"));

            // THEN the operator warning is German
            assertThat(answer.content()).startsWith("✅ Die Stimmungszählung ist für diesen Server an.\n")
                    .endsWith("⚠️ Deine Wahl ist gespeichert, aber **es wird nichts gezählt**, bis der Betreiber des Bots den"
                            + " Nachrichteninhalt freischaltet: diese Installation bewertet keine Nachrichten.");
        }
    }
}
