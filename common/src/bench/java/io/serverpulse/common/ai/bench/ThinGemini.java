package io.serverpulse.common.ai.bench;

import io.serverpulse.common.ai.AiProvider;

/** ServerPulse's thin client, one generateContent call. */
public class ThinGemini extends ThinOpenAi {
    @Override
    AiProvider provider() {
        return AiProvider.GEMINI;
    }
}
