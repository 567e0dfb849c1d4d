package io.serverpulse.common.ai.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.ai.AiCall;
import io.serverpulse.common.ai.AiFailure;
import io.serverpulse.common.ai.AiReply;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Google's Gemini API: {@code POST {base}models/{model}:generateContent}, the key in the
 * {@code x-goog-api-key} header (never in the URL); the answer is the text parts of
 * {@code candidates[0].content.parts} (thought parts left out), the counts
 * {@code usageMetadata.promptTokenCount} and {@code candidatesTokenCount}.
 */
final class GeminiFormat implements WireFormat {

    @Override
    public URI uri(String baseUrl, AiCall call) {
        String model = call.model().startsWith("models/") ? call.model().substring("models/".length()) : call.model();
        return URI.create(baseUrl + "models/" + URLEncoder.encode(model, StandardCharsets.UTF_8) + ":generateContent");
    }

    @Override
    public Map<String, String> headers(AiCall call) {
        return Map.of("x-goog-api-key", call.apiKey());
    }

    @Override
    public JsonNode body(AiCall call) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("systemInstruction").putArray("parts").addObject().put("text", call.prompt().system());
        ObjectNode user = body.putArray("contents").addObject().put("role", "user");
        user.putArray("parts").addObject().put("text", call.prompt().user());
        body.putObject("generationConfig").put("maxOutputTokens", call.prompt().maxOutputTokens());
        return body;
    }

    @Override
    public AiReply parse(JsonNode body, AiCall call) throws AiFailure {
        JsonNode candidate = body.path("candidates").path(0);
        if (!candidate.isObject()) {
            String blocked = body.path("promptFeedback").path("blockReason").asText("");
            throw WireFormat.unusable("the answer has no candidates[0]" + (blocked.isEmpty() ? "" : " (blocked: " + blocked + ")"));
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                text.append(part.path("text").textValue());
            }
        }
        if (text.toString().isBlank()) {
            String finish = candidate.path("finishReason").asText("");
            throw WireFormat.unusable("the answer has no text" + (finish.isEmpty() ? "" : " (finishReason " + finish + ")"));
        }
        JsonNode usage = body.path("usageMetadata");
        return new AiReply(text.toString(), body.path("modelVersion").asText(call.model()),
                WireFormat.intOf(usage.get("promptTokenCount")), WireFormat.intOf(usage.get("candidatesTokenCount")));
    }
}
