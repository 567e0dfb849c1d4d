package io.serverpulse.collector.gateway;

import io.serverpulse.common.config.ShardRange;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the gateway.
 *
 * @param token the bot token
 * @param shards the shards this process runs; empty: all of them, as many as Discord recommends
 * @param restBaseUrl Discord's REST base ({@code DISCORD_API_BASE_URL}), ending in {@code /}
 * @param gatewayUrl a fixed {@code ws://} gateway (the emulator); empty: Discord's, or the one
 *     {@code GET gateway} names when the REST base is not Discord's
 * @param messageContent whether to ask for the privileged MESSAGE_CONTENT intent
 *     ({@code ENABLE_MESSAGE_CONTENT_INTENT}, for opt-in sentiment counts)
 */
public record GatewayOptions(String token, Optional<ShardRange> shards, String restBaseUrl, Optional<String> gatewayUrl,
                             boolean messageContent) {

    public GatewayOptions {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(shards, "shards");
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    }

    /** Without MESSAGE_CONTENT. */
    public GatewayOptions(String token, Optional<ShardRange> shards, String restBaseUrl, Optional<String> gatewayUrl) {
        this(token, shards, restBaseUrl, gatewayUrl, false);
    }
}
