package io.serverpulse.interactions.e2e;

import static io.serverpulse.interactions.support.EndToEnd.ADMIN;
import static io.serverpulse.interactions.support.EndToEnd.GENERAL;
import static io.serverpulse.interactions.support.EndToEnd.GUILD;
import static io.serverpulse.interactions.support.EndToEnd.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.metrics.ActivityEvent.MessageSentiment;
import io.serverpulse.common.metrics.ActivityEvent.Sentiment;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.emulator.interactions.SlashCommand;
import io.serverpulse.emulator.interactions.SlashCommand.Subcommand;
import io.serverpulse.emulator.interactions.SlashCommand.Value;
import io.serverpulse.interactions.support.EndToEnd;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /sentiment} end to end over both transports: signed by the emulator's sender, answered by the endpoint
 * (checked against Discord's spec), the opt-in read back from the MongoDB store, and the operator's switch
 * ({@code ENABLE_MESSAGE_CONTENT_INTENT}) carried from the function's configuration to the answers.
 */
class SentimentEndToEndTest extends EndToEndSuite {

    private static JsonNode sentiment(EndToEnd e2e, Subcommand subcommand) {
        return accepted(e2e.send(e2e.factory.slashCommand(as(ADMIN),
                SlashCommand.of(1_300_000_000_000_000_120L, "sentiment", subcommand))));
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void onStoresTheOptInAndSaysNothingIsCountedWhereTheOperatorHasNotEnabledMessageContent(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN a function deployed without ENABLE_MESSAGE_CONTENT_INTENT, and a guild that never chose
            assertThat(e2e.store.settings(GUILD.id()).sentimentEnabled()).isFalse();

            // WHEN an admin runs /sentiment on
            JsonNode answer = sentiment(e2e, new Subcommand("on", List.of()));

            // THEN the opt-in is stored, and the private answer says plainly that nothing will be counted yet
            assertThat(e2e.store.settings(GUILD.id()).sentimentEnabled()).isTrue();
            assertThat(answer.path("type").asInt()).isEqualTo(4);
            assertThat(ephemeral(answer)).isTrue();
            assertThat(answer.path("data").path("content").asText())
                    .startsWith("✅ Sentiment counts are on for this server.\n🔒 Message text is scored in memory and dropped at once;")
                    .endsWith("**nothing will be counted** until the bot’s operator enables message content: this deployment"
                            + " doesn’t score messages.");
            assertThat(e2e.escaped()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void whereTheOperatorEnabledMessageContentTheSummaryShowsTheStoredCounts(EndToEnd.Transport transport) {
        try (EndToEnd e2e = new EndToEnd(transport, mongo, discord, Map.of(ServerPulseConfig.MESSAGE_CONTENT_INTENT, "true"))) {
            // GIVEN a function deployed with ENABLE_MESSAGE_CONTENT_INTENT=true, and an admin who opts in
            JsonNode on = sentiment(e2e, new Subcommand("on", List.of()));
            assertThat(on.path("data").path("content").asText()).endsWith("\nSee the counts with /sentiment summary.");
            assertThat(e2e.store.settings(GUILD.id()).sentimentEnabled()).isTrue();

            // WHEN the collector has stored counts in #general, and the admin asks for the last 24 hours
            MetricAggregator aggregator = new MetricAggregator();
            Instant at = Instant.now().minus(Duration.ofMinutes(5));
            List.of(Sentiment.POSITIVE, Sentiment.POSITIVE, Sentiment.POSITIVE, Sentiment.NEGATIVE)
                    .forEach(sentiment -> aggregator.add(new MessageSentiment(GUILD.id(), GENERAL.id(), sentiment, at)));
            e2e.store.apply(aggregator.drain());
            JsonNode summary = sentiment(e2e, new Subcommand("summary", List.of(Value.string("period", "24h"))));

            // THEN the private embed shows the counts and shares read from MongoDB
            assertThat(ephemeral(summary)).isTrue();
            JsonNode embed = summary.path("data").path("embeds").get(0);
            assertThat(embed.path("title").asText()).isEqualTo("Message sentiment · the last 24 hours");
            assertThat(embed.path("description").asText()).isEqualTo("😊 Positive: **3** (75.0%)\n😐 Neutral: **0** (0.0%)\n"
                    + "😞 Negative: **1** (25.0%)\n\n4 messages scored in this period.");
            assertThat(embed.path("fields").get(0).path("value").asText())
                    .isEqualTo("<#" + GENERAL.id() + "> — **4** messages: 😊 75.0% · 😐 0.0% · 😞 25.0%");
            assertThat(e2e.escaped()).isEmpty();
        }
    }
}
