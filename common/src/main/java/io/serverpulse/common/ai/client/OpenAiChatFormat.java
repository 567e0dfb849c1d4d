package io.serverpulse.common.ai.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.ai.AiCall;
import io.serverpulse.common.ai.AiFailure;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiReply;
import java.net.URI;
import java.util.Map;

/**
 * OpenAI's Chat Completions, also spoken by xAI, OpenRouter and Groq: {@code POST {base}chat/completions}
 * with a bearer key; the answer is {@code choices[0].message.content}, the counts {@code usage.prompt_tokens}
 * and {@code usage.completion_tokens}. The output bound is {@code max_completion_tokens} (OpenRouter
 * documents {@code max_tokens}); no temperature is sent, since reasoning models refuse one.
 */
final class OpenAiChatFormat implements WireFormat {

    @Override
    public URI uri(String baseUrl, AiCall call) {
        return URI.create(baseUrl + "chat/completions");
    }

    @Override
    public Map<String, String> headers(AiCall call) {
        return Map.of("Authorization", "Bearer " + call.apiKey());
    }

    @Override
    public JsonNode body(AiCall call) {
        ObjectNode body = JSON.createObjectNode().put("model", call.model());
        body.putArray("messages")
                .add(JSON.createObjectNode().put("role", "system").put("content", call.prompt().system()))
                .add(JSON.createObjectNode().put("role", "user").put("content", call.prompt().user()));
        body.put(call.provider() == AiProvider.OPENROUTER ? "max_tokens" : "max_completion_tokens",
                call.prompt().maxOutputTokens());
        return body;
    }

    @Override
    public AiReply parse(JsonNode body, AiCall call) throws AiFailure {
        JsonNode choice = body.path("choices").path(0);
        if (!choice.isObject()) {
            throw WireFormat.unusable("the answer has no choices[0]");
        }
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual() || content.textValue().isBlank()) {
            String finish = choice.path("finish_reason").asText("");
            throw WireFormat.unusable("the answer has no text" + (finish.isEmpty() ? "" : " (finish_reason " + finish + ")"));
        }
        JsonNode usage = body.path("usage");
        return new AiReply(content.textValue(), body.path("model").asText(call.model()),
                WireFormat.intOf(usage.get("prompt_tokens")), WireFormat.intOf(usage.get("completion_tokens")));
    }
}
