package io.serverpulse.common.ai.bench;

import io.serverpulse.common.ai.AiCall;
import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.ai.AiPrompt;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.client.HttpAiClient;
import java.time.Duration;

/** ServerPulse's thin client, one chat-completions call (OpenAI, xAI, OpenRouter and Groq speak it). */
public class ThinOpenAi implements Probe.Candidate {

    static final AiPrompt PROMPT = new AiPrompt("You write a short summary.", "Messages: 120 (previous 100)", 256);

    AiProvider provider() {
        return AiProvider.OPENAI;
    }

    @Override
    public Object build(String openAiBase, String anthropicBase, String geminiBase) {
        return new HttpAiClient(AiEndpoints.defaults().with(AiProvider.OPENAI, openAiBase)
                .with(AiProvider.ANTHROPIC, anthropicBase).with(AiProvider.GEMINI, geminiBase));
    }

    @Override
    public String firstCall(Object client) throws Exception {
        return ((HttpAiClient) client).complete(new AiCall(provider(), null, "bench-key-0000", PROMPT, Duration.ofSeconds(10))).text();
    }
}
