package io.serverpulse.common.ai.bench;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.MessageCreateParams;

/** com.anthropic:anthropic-java (OkHttp client), one message. */
public class SdkAnthropic implements Probe.Candidate {

    @Override
    public Object build(String openAiBase, String anthropicBase, String geminiBase) {
        return AnthropicOkHttpClient.builder().apiKey("bench-key-0000")
                .baseUrl(anthropicBase.replaceAll("/v1/$", "")).maxRetries(0).build();
    }

    @Override
    public String firstCall(Object client) {
        MessageCreateParams params = MessageCreateParams.builder().model("claude-haiku-4-5").maxTokens(256)
                .system(ThinOpenAi.PROMPT.system()).addUserMessage(ThinOpenAi.PROMPT.user()).build();
        StringBuilder text = new StringBuilder();
        for (ContentBlock block : ((AnthropicClient) client).messages().create(params).content()) {
            block.text().ifPresent(t -> text.append(t.text()));
        }
        return text.toString();
    }
}
