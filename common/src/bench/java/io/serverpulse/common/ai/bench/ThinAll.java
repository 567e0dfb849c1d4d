package io.serverpulse.common.ai.bench;

import io.serverpulse.common.ai.AiCall;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.client.HttpAiClient;
import java.time.Duration;

/** ServerPulse's thin client, one call in each of the three wire formats (what a fallback chain may do). */
public class ThinAll extends ThinOpenAi {
    @Override
    public String firstCall(Object client) throws Exception {
        StringBuilder out = new StringBuilder();
        for (AiProvider provider : new AiProvider[] {AiProvider.OPENAI, AiProvider.ANTHROPIC, AiProvider.GEMINI}) {
            out.append(((HttpAiClient) client).complete(new AiCall(provider, null, "bench-key-0000", PROMPT,
                    Duration.ofSeconds(10))).text());
        }
        return out.toString();
    }
}
