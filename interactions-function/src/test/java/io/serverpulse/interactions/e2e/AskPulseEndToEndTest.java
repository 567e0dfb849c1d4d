package io.serverpulse.interactions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.testing.FakeAiServer;
import io.serverpulse.common.testing.FakeAiServer.Reply;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.interactions.register.RegisterCommandsProbe;
import io.serverpulse.interactions.support.Await;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.interactions.support.TestGuild;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /askpulse} through the HTTP interactions endpoint (the local server and the Lambda function URL): a private
 * "thinking…" within the request, then the worker asks the guild's provider (a local fake speaking OpenAI's API)
 * from a table of aggregates and edits the answer in; the limit is counted in the store, so it holds for the
 * endpoint and worker instances alike; without a provider the answer says so at once.
 */
class AskPulseEndToEndTest extends EndToEndSuite {

    private static final SecretSealer SEALER = new SecretSealer(Base64.getDecoder().decode(EndToEnd.MASTER_KEY));

    @BeforeAll
    static void registerCommands() {
        assertThat(RegisterCommandsProbe.register(discord, "--guild", Long.toUnsignedString(TestGuild.GUILD))).isZero();
    }

    private static ArrayNode question(String text) {
        ArrayNode options = Json.array();
        options.addObject().put("name", "question").put("type", 3).put("value", text);
        return options;
    }

    private static StoredMessage awaitEdit(PendingInteraction interaction) {
        Await.until("the worker's edit of @original", () -> discord.recorded().webhookCalls().stream()
                .anyMatch(call -> call.interactionId() == interaction.id() && call.status() == 200));
        return discord.recorded().messages().stream().filter(m -> Long.valueOf(interaction.id()).equals(m.interactionId()))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void aQuestionIsAnsweredPrivatelyByTheGuildsProviderFromItsAggregates(EndToEnd.Transport transport) {
        try (FakeAiServer openai = FakeAiServer.start(AiProvider.Protocol.OPENAI_CHAT);
             EndToEnd e2e = new EndToEnd(transport, mongo, discord, Map.of(AiEndpoints.variable(AiProvider.OPENAI), openai.baseUrl()))) {
            // GIVEN members posted in #general, and the guild's provider is OpenAI
            MetricAggregator aggregator = new MetricAggregator();
            for (int m = 0; m < 3; m++) {
                for (int i = 0; i <= m * 4; i++) {
                    aggregator.add(new ActivityEvent.MessagePosted(TestGuild.GUILD, TestGuild.GENERAL, TestGuild.MEMBERS.get(m),
                            Instant.now().minus(Duration.ofHours(3))));
                }
            }
            e2e.store.apply(aggregator.drain());
            e2e.store.saveSettings(GuildSettings.defaults(TestGuild.GUILD).withAiChain(List.of(
                    new AiProviderEntry(AiProvider.OPENAI, null, SEALER.seal(TestGuild.GUILD, "sk-e2e-openai-0001"))), Instant.now()));
            openai.then(Reply.success(AiProvider.Protocol.OPENAI_CHAT, "Channel #1 carried every message; member #1 posted 9."));
            PendingInteraction interaction = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.MEMBERS.get(1), "askpulse",
                    question("Where do people talk most?"));

            // WHEN a member runs /askpulse
            JsonNode answer = accepted(e2e.sendRegistered(interaction));

            // THEN the first answer is a private "thinking…", and the worker's edit brings the provider's answer
            assertThat(answer.path("type").asInt()).isEqualTo(5);
            assertThat(ephemeral(answer)).isTrue();
            StoredMessage message = awaitEdit(interaction);
            assertThat(message.ephemeral()).isTrue();
            assertThat(message.content()).startsWith("<#" + Long.toUnsignedString(TestGuild.GENERAL) + "> carried every message; <@"
                    + Long.toUnsignedString(TestGuild.MEMBERS.get(2)) + "> posted 9.")
                    .contains("Answered by OpenAI").contains("Questions left: 4 this hour for you, 49 today for the server.");
            // AND the provider received the question and the numbers, and no id of the guild, its channels or members
            assertThat(openai.requests()).hasSize(1);
            String sent = openai.requests().get(0).body();
            assertThat(sent).contains("Where do people talk most?").contains("Messages: 15").contains("member #1 9");
            for (long id : List.of(TestGuild.GUILD, TestGuild.GENERAL, TestGuild.MEMBERS.get(0), TestGuild.MEMBERS.get(1),
                    TestGuild.MEMBERS.get(2))) {
                assertThat(sent).doesNotContain(Long.toUnsignedString(id));
            }
            assertThat(e2e.escaped()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void withoutAProviderTheAnswerSaysSoAtOnce(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN a guild without an AI provider
            PendingInteraction interaction = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.MEMBERS.get(0), "askpulse",
                    question("Which channel grew most this week?"));

            // WHEN a member runs /askpulse
            JsonNode answer = accepted(e2e.sendRegistered(interaction));

            // THEN the answer is immediate and private, and says how an admin sets a provider
            assertThat(answer.path("type").asInt()).isEqualTo(4);
            assertThat(ephemeral(answer)).isTrue();
            assertThat(answer.path("data").path("content").asText()).isEqualTo(Texts.english().get("askpulse.no-provider"));
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void theGuildsDailyLimitHoldsAcrossInstancesAndIsSaid(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN a guild with a provider whose 50 questions of today were asked (counted in the store by other instances)
            e2e.store.saveSettings(GuildSettings.defaults(TestGuild.GUILD).withAiChain(List.of(
                    new AiProviderEntry(AiProvider.OPENAI, null, SEALER.seal(TestGuild.GUILD, "sk-e2e-openai-0001"))), Instant.now()));
            Instant day = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
            e2e.store.addUse(TestGuild.GUILD, 0, "askpulse", day, day.plus(Duration.ofDays(1)), 50);
            PendingInteraction interaction = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.MEMBERS.get(3), "askpulse",
                    question("When is the server busiest?"));

            // WHEN a member asks
            JsonNode answer = accepted(e2e.sendRegistered(interaction));

            // THEN the answer is immediate and private, and says the guild's limit and when it resets
            assertThat(answer.path("type").asInt()).isEqualTo(4);
            assertThat(ephemeral(answer)).isTrue();
            assertThat(answer.path("data").path("content").asText())
                    .startsWith("⏳ This server can ask 50 questions per day, and they’re used up.")
                    .contains("<t:" + day.plus(Duration.ofDays(1)).getEpochSecond() + ":R>");
            // AND the refused question was not counted against the member
            Instant hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            assertThat(e2e.store.addUse(TestGuild.GUILD, TestGuild.MEMBERS.get(3), "askpulse", hour, hour.plus(Duration.ofHours(1)), 0))
                    .isZero();
        }
    }
}
