package io.serverpulse.common.ai.bench;

/** The three SDKs in one JVM, one call each: what ServerPulse would ship to speak the six providers with SDKs. */
public class SdkAll implements Probe.Candidate {

    private final SdkOpenAi openai = new SdkOpenAi();
    private final SdkAnthropic anthropic = new SdkAnthropic();
    private final SdkGenai genai = new SdkGenai();

    @Override
    public Object build(String openAiBase, String anthropicBase, String geminiBase) {
        return new Object[] {openai.build(openAiBase, anthropicBase, geminiBase),
            anthropic.build(openAiBase, anthropicBase, geminiBase), genai.build(openAiBase, anthropicBase, geminiBase)};
    }

    @Override
    public String firstCall(Object client) {
        Object[] clients = (Object[]) client;
        return openai.firstCall(clients[0]) + anthropic.firstCall(clients[1]) + genai.firstCall(clients[2]);
    }
}
