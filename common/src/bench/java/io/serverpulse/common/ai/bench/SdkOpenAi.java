package io.serverpulse.common.ai.bench;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/** com.openai:openai-java (OkHttp client), one chat completion. */
public class SdkOpenAi implements Probe.Candidate {

    @Override
    public Object build(String openAiBase, String anthropicBase, String geminiBase) {
        return OpenAIOkHttpClient.builder().apiKey("bench-key-0000").baseUrl(openAiBase.replaceAll("/$", ""))
                .maxRetries(0).build();
    }

    @Override
    public String firstCall(Object client) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-5.4-mini")
                .addSystemMessage(ThinOpenAi.PROMPT.system()).addUserMessage(ThinOpenAi.PROMPT.user())
                .maxCompletionTokens(256).build();
        return ((OpenAIClient) client).chat().completions().create(params).choices().get(0).message().content().orElse("");
    }
}
