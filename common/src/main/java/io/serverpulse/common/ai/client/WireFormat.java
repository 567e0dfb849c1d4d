package io.serverpulse.common.ai.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.serverpulse.common.ai.AiCall;
import io.serverpulse.common.ai.AiFailure;
import io.serverpulse.common.ai.AiReply;
import java.net.URI;
import java.util.Map;

/** One provider API's request and answer shapes. */
interface WireFormat {

    ObjectMapper JSON = JsonMapper.builder().build();

    /** Where to POST. */
    URI uri(String baseUrl, AiCall call);

    /** The request headers besides {@code Content-Type}, the key among them. */
    Map<String, String> headers(AiCall call);

    /** The request body. */
    JsonNode body(AiCall call);

    /**
     * The answer in a 2xx body.
     *
     * @throws AiFailure {@code UNUSABLE_ANSWER} when the body is not the documented shape or holds no text
     */
    AiReply parse(JsonNode body, AiCall call) throws AiFailure;

    static AiFailure unusable(String why) {
        return new AiFailure(AiFailure.Kind.UNUSABLE_ANSWER, why);
    }

    static int intOf(JsonNode node) {
        return node != null && node.canConvertToInt() ? node.intValue() : 0;
    }
}
