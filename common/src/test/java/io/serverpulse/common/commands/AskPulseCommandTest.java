package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
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

/** {@code /askpulse} in the command core, against local fakes of the providers. */
class AskPulseCommandTest {

    private static final String QUESTION = "Which channel grew the most this week?";

    private final FakeAiServer openai = FakeAiServer.start(Protocol.OPENAI_CHAT);
    private final FakeAiServer anthropic = FakeAiServer.start(Protocol.ANTHROPIC);
    private final CommandKit kit = new CommandKit(AiEndpoints.defaults().with(AiProvider.OPENAI, openai.baseUrl())
            .with(AiProvider.ANTHROPIC, anthropic.baseUrl()));

    @AfterEach
    void stop() {
        openai.close();
        anthropic.close();
    }

    private void providers() {
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withAiChain(List.of(
                new AiProviderEntry(AiProvider.OPENAI, null, kit.sealer.seal(GUILD, "sk-openai-askpulse-0001")),
                new AiProviderEntry(AiProvider.ANTHROPIC, null, kit.sealer.seal(GUILD, "sk-ant-askpulse-0002"))), Instant.EPOCH));
    }

    @Test
    void aHostileAnswerIsCleanedAndTheNextProviderAnswersWhenTheFirstFails() {
        // GIVEN OpenAI has a server error, and Anthropic answers with a mention storm and a link
        providers();
        openai.then(Reply.serverError(Protocol.OPENAI_CHAT));
        anthropic.then(Reply.success(Protocol.ANTHROPIC, "@everyone @here channel #1 grew most, see https://evil.example/x <@123>"));

        // WHEN a member asks, and the worker finishes it
        Answer answer = kit.run(fixture("askpulse.json"));
        String content = kit.complete(answer.work()).body().path("content").asText();

        // THEN the answer is Anthropic's, cleaned, and says who answered
        assertThat(answer.data().path("flags").asInt()).isEqualTo(64);
        assertThat(content).startsWith("everyone here channel #1 grew most, see\n-# Answered by Anthropic")
                .doesNotContain("@").doesNotContain("https").doesNotContain("<@123>");
        assertThat(openai.requests()).hasSize(1);
        assertThat(anthropic.requests()).hasSize(1);
    }

    @Test
    void whenEveryProviderFailsTheMemberIsToldInPlainWordsAndTheQuestionIsNeverLogged() {
        // GIVEN both providers fail
        providers();
        openai.then(Reply.serverError(Protocol.OPENAI_CHAT));
        anthropic.then(Reply.fixture(Protocol.ANTHROPIC, "bad-key.json", 401));

        // WHEN a member asks, with every log line captured
        String content;
        Answer answer;
        try (LogCapture logs = new LogCapture(Level.TRACE)) {
            answer = kit.run(fixture("askpulse.json"));
            content = kit.complete(answer.work()).body().path("content").asText();

            // THEN the member reads why, and the question appears in no log line
            assertThat(content).startsWith("⚠️ This server’s AI provider couldn’t answer right now: the provider refused the key.");
            assertThat(logs.all()).doesNotContain(QUESTION).doesNotContain("grew the most");
        }
        // AND the deferred work carries the question but never prints it
        assertThat(answer.work().arg(DeferredWork.FREE_TEXT)).isEqualTo(QUESTION);
        assertThat(answer.work().toString()).doesNotContain(QUESTION).contains("<" + QUESTION.length() + " characters>");
    }

    @Test
    void aQuestionTooShortIsRefusedWithoutCountingIt() {
        // GIVEN a guild with providers
        providers();

        // WHEN a member asks "hi"
        Answer answer = kit.run(CommandKit.withOptions(fixture("askpulse.json"), "[{\"name\":\"question\",\"type\":3,\"value\":\"hi \"}]"));

        // THEN the answer says how long a question is, and no provider was asked
        assertThat(answer.data().path("content").asText()).isEqualTo("Ask a question of 5 to 300 characters.");
        assertThat(openai.requests()).isEmpty();
    }
}
