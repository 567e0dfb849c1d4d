package io.serverpulse.interactions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.crypto.SecretSealer;
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
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /ai-provider test} end to end: the endpoint answers an ephemeral "thinking…" within the
 * request, the worker calls the guild's providers (local fakes, reached through
 * {@code AI_<PROVIDER>_BASE_URL}) and its edit of {@code @original} tells the admin how each went.
 */
class AiProviderTestEndToEndTest extends EndToEndSuite {

    private static final SecretSealer SEALER = new SecretSealer(Base64.getDecoder().decode(EndToEnd.MASTER_KEY));

    @BeforeAll
    static void registerCommands() {
        assertThat(RegisterCommandsProbe.register(discord, "--guild", Long.toUnsignedString(TestGuild.GUILD))).isZero();
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void theTestIsAnsweredAtOnceAndItsResultEditedIn(EndToEnd.Transport transport) {
        try (FakeAiServer openai = FakeAiServer.start(AiProvider.Protocol.OPENAI_CHAT);
             FakeAiServer anthropic = FakeAiServer.start(AiProvider.Protocol.ANTHROPIC);
             EndToEnd e2e = new EndToEnd(transport, mongo, discord, Map.of(
                     AiEndpoints.variable(AiProvider.OPENAI), openai.baseUrl(),
                     AiEndpoints.variable(AiProvider.ANTHROPIC), anthropic.baseUrl()))) {
            // GIVEN OpenAI works and Anthropic's key was revoked
            anthropic.then(Reply.fixture(AiProvider.Protocol.ANTHROPIC, "bad-key.json", 401));
            e2e.store.saveSettings(GuildSettings.defaults(TestGuild.GUILD).withAiChain(List.of(
                    new AiProviderEntry(AiProvider.OPENAI, null, SEALER.seal(TestGuild.GUILD, "sk-e2e-openai-0001")),
                    new AiProviderEntry(AiProvider.ANTHROPIC, null, SEALER.seal(TestGuild.GUILD, "sk-ant-e2e-0002"))),
                    Instant.now()));
            ArrayNode options = Json.array();
            options.addObject().put("name", "test").put("type", 1);
            PendingInteraction interaction = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.OWNER, "ai-provider", options);

            // WHEN the owner runs /ai-provider test
            JsonNode answer = accepted(e2e.sendRegistered(interaction));

            // THEN the first answer is a private "thinking…"
            assertThat(answer.path("type").asInt()).isEqualTo(5);
            assertThat(ephemeral(answer)).isTrue();

            // AND the worker's edit says OpenAI answered and Anthropic refused the key
            Await.until("the worker's edit of @original", () -> discord.recorded().webhookCalls().stream()
                    .anyMatch(call -> call.interactionId() == interaction.id() && call.status() == 200));
            StoredMessage message = discord.recorded().messages().stream()
                    .filter(m -> Long.valueOf(interaction.id()).equals(m.interactionId())).findFirst().orElseThrow();
            assertThat(message.content()).startsWith("✅ **OpenAI** (`gpt-5.4-mini`) answered in ")
                    .contains("❌ **Anthropic** (`claude-haiku-4-5`): the provider refused the key.")
                    .doesNotContain("sk-e2e-openai-0001").doesNotContain("sk-ant-e2e-0002");
            assertThat(openai.requests()).hasSize(1);
            assertThat(anthropic.requests()).hasSize(1);
            assertThat(e2e.escaped()).isEmpty();
        }
    }
}
