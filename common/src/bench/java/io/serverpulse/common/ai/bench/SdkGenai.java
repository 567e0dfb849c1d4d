package io.serverpulse.common.ai.bench;

import com.google.genai.Client;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.HttpOptions;

/** com.google.genai:google-genai, one generateContent call. */
public class SdkGenai implements Probe.Candidate {

    @Override
    public Object build(String openAiBase, String anthropicBase, String geminiBase) {
        return Client.builder().apiKey("bench-key-0000")
                .httpOptions(HttpOptions.builder().baseUrl(geminiBase.replaceAll("/v1beta/$", "")).apiVersion("v1beta").build())
                .build();
    }

    @Override
    public String firstCall(Object client) {
        GenerateContentConfig config = GenerateContentConfig.builder().maxOutputTokens(256).build();
        String text = ((Client) client).models.generateContent("gemini-3.5-flash", ThinOpenAi.PROMPT.user(), config).text();
        return text == null ? "" : text;
    }
}
