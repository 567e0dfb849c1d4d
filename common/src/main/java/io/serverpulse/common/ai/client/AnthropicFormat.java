package io.serverpulse.common.ai.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.ai.AiCall;
import io.serverpulse.common.ai.AiFailure;
import io.serverpulse.common.ai.AiReply;
import java.net.URI;
import java.util.Map;

/**
 * Anthropic's Messages API: {@code POST {base}messages} with {@code x-api-key} and
 * {@code anthropic-version: 2023-06-01}; the answer is the {@code text} blocks of {@code content},
 * the counts {@code usage.input_tokens} and {@code usage.output_tokens}.
 */
final class AnthropicFormat implements WireFormat {

    static final String VERSION = "2023-06-01";

    @Override
    public URI uri(String baseUrl, AiCall call) {
        return URI.create(baseUrl + "messages");
    }

    @Override
    public Map<String, String> headers(AiCall call) {
        return Map.of("x-api-key", call.apiKey(), "anthropic-version", VERSION);
    }

    @Override
    public JsonNode body(AiCall call) {
        ObjectNode body = JSON.createObjectNode().put("model", call.model())
                .put("max_tokens", call.prompt().maxOutputTokens())
                .put("system", call.prompt().system());
        body.putArray("messages").addObject().put("role", "user").put("content", call.prompt().user());
        return body;
    }

    @Override
    public AiReply parse(JsonNode body, AiCall call) throws AiFailure {
        JsonNode content = body.path("content");
        if (!content.isArray()) {
            throw WireFormat.unusable("the answer has no content blocks");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                text.append(block.path("text").textValue());
            }
        }
        if (text.toString().isBlank()) {
            String stop = body.path("stop_reason").asText("");
            throw WireFormat.unusable("the answer has no text" + (stop.isEmpty() ? "" : " (stop_reason " + stop + ")"));
        }
        JsonNode usage = body.path("usage");
        return new AiReply(text.toString(), body.path("model").asText(call.model()),
                WireFormat.intOf(usage.get("input_tokens")), WireFormat.intOf(usage.get("output_tokens")));
    }
}
