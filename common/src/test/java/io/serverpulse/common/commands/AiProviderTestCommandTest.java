package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static io.serverpulse.common.commands.CommandKit.withLocale;
import static io.serverpulse.common.commands.CommandKit.withOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProvider.Protocol;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.testing.FakeAiServer;
import io.serverpulse.common.testing.FakeAiServer.Reply;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /ai-provider test} against local fakes of the providers. */
class AiProviderTestCommandTest {

    private static final String OPENAI_KEY = "sk-proj-openai-key-0000001111";
    private static final String GROQ_KEY = "gsk_groq-key-00000000001111";

    private final FakeAiServer openai = FakeAiServer.start(Protocol.OPENAI_CHAT);
    private final FakeAiServer groq = FakeAiServer.start(Protocol.OPENAI_CHAT);
    private final CommandKit kit = new CommandKit(AiEndpoints.defaults().with(AiProvider.OPENAI, openai.baseUrl())
            .with(AiProvider.GROQ, groq.baseUrl()));

    @AfterEach
    void stop() {
        openai.close();
        groq.close();
    }

    private void threeProviders() {
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withAiChain(List.of(
                new AiProviderEntry(AiProvider.OPENAI, null, kit.sealer.seal(GUILD, OPENAI_KEY)),
                new AiProviderEntry(AiProvider.GROQ, "llama-test", kit.sealer.seal(GUILD, GROQ_KEY)),
                new AiProviderEntry(AiProvider.GEMINI, null, null)), Instant.EPOCH));
    }

    private Answer test(String locale) {
        return kit.run(withLocale(withOptions(fixture("ai-provider-set.json"), "[{\"name\":\"test\",\"type\":1}]"), locale));
    }

    @Test
    void theTestIsDeferredEphemerallyAndReportsEachProviderInPlainWords() {
        // GIVEN OpenAI works, Groq refuses the key, Gemini has none
        threeProviders();
        groq.then(Reply.fixture(Protocol.OPENAI_CHAT, "bad-key.json", 401));

        // WHEN /ai-provider test runs
        Answer answer = test("en-US");

        // THEN Discord gets an ephemeral "thinking…" at once, and nobody was called yet
        assertThat(answer.type()).isEqualTo(InteractionResponse.DEFERRED_CHANNEL_MESSAGE);
        assertThat(answer.data().path("flags").asInt()).isEqualTo(64);
        assertThat(openai.requests()).isEmpty();

        // WHEN the worker finishes it
        String content = kit.complete(answer.work()).body().path("content").asText();

        // THEN each provider was called once with its own key and the result is told in plain words
        assertThat(openai.requests()).hasSize(1);
        assertThat(groq.requests()).hasSize(1);
        assertThat(groq.requests().get(0).headers()).containsEntry("authorization", "Bearer " + GROQ_KEY);
        assertThat(groq.requests().get(0).json().path("model").asText()).isEqualTo("llama-test");
        String[] lines = content.split("\n");
        assertThat(lines[0]).matches("✅ \\*\\*OpenAI\\*\\* \\(`gpt-5\\.4-mini`\\) answered in [\\d,]+ ms\\.");
        assertThat(lines[1]).isEqualTo("❌ **Groq** (`llama-test`): the provider refused the key. Check it, or enter it again "
                + "with /ai-provider key.");
        assertThat(lines[2]).startsWith("   The provider said: `HTTP 401: Incorrect API key provided:");
        assertThat(lines[3]).isEqualTo("⚠️ **Google Gemini** (`" + AiProvider.GEMINI.defaultModel()
                + "`): no key yet. Add one with /ai-provider key provider:gemini.");
        // AND no key is shown
        assertThat(content).doesNotContain(OPENAI_KEY).doesNotContain(GROQ_KEY);
    }

    @Test
    void theReportIsInTheMembersLanguage() {
        threeProviders();
        openai.then(Reply.fixture(Protocol.OPENAI_CHAT, "no-credit.json", 429));
        groq.then(Reply.fixture(Protocol.OPENAI_CHAT, "unknown-model.json", 404));

        String german = kit.complete(test("de").work()).body().path("content").asText();
        String french = kit.complete(test("fr").work()).body().path("content").asText();

        assertThat(german).contains("❌ **OpenAI** (`gpt-5.4-mini`): das Konto hat kein Guthaben oder Kontingent mehr.")
                .contains("❌ **Groq** (`llama-test`): dieses Modell gibt es nicht, oder der Schlüssel darf es nicht nutzen.")
                .contains("noch kein Schlüssel");
        assertThat(french).contains("❌ **OpenAI** (`gpt-5.4-mini`) : le compte n’a plus de crédit ni de quota.")
                .contains("❌ **Groq** (`llama-test`) : ce modèle n’existe pas, ou la clé n’y a pas accès.")
                .contains("pas encore de clé");
    }

    @Test
    void aProviderThatIsDownIsReportedAsSuch() {
        threeProviders();
        openai.then(Reply.serverError(Protocol.OPENAI_CHAT));
        groq.then(Reply.rateLimited(Protocol.OPENAI_CHAT, 30));

        String content = kit.complete(test("en-US").work()).body().path("content").asText();

        assertThat(content).contains("❌ **OpenAI** (`gpt-5.4-mini`): the provider had a server error. Try again later.")
                .contains("❌ **Groq** (`llama-test`): too many requests right now (rate limit). Try again in a minute.");
    }

    @Test
    void membersWithoutManageServerCannotRunIt() {
        threeProviders();
        Answer answer = kit.run(CommandKit.asMember(withOptions(fixture("ai-provider-set.json"),
                "[{\"name\":\"test\",\"type\":1}]"), CommandKit.MEMBER_PERMISSIONS));
        assertThat(answer.type()).isEqualTo(4);
        assertThat(openai.requests()).isEmpty();
    }
}
