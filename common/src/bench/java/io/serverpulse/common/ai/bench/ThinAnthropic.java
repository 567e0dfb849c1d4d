package io.serverpulse.common.ai.bench;

import io.serverpulse.common.ai.AiProvider;

/** ServerPulse's thin client, one Messages API call. */
public class ThinAnthropic extends ThinOpenAi {
    @Override
    AiProvider provider() {
        return AiProvider.ANTHROPIC;
    }
}
