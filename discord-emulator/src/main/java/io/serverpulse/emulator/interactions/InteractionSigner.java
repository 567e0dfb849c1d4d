package io.serverpulse.emulator.interactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Signs interactions exactly as Discord does: {@code X-Signature-Ed25519} is the hex Ed25519
 * signature of the bytes of {@code X-Signature-Timestamp} (Unix seconds, as text) followed by the raw
 * body bytes.
 */
public final class InteractionSigner {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final InteractionKeyPair keys;
    private final Clock clock;

    public InteractionSigner(InteractionKeyPair keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The public key the bot must be configured with. */
    public String publicKeyHex() {
        return keys.publicKeyHex();
    }

    /** Serialises the payload compactly and signs it with the current time. */
    public SignedInteraction sign(JsonNode payload) {
        return sign(payload, clock.instant());
    }

    public SignedInteraction sign(JsonNode payload, Instant at) {
        try {
            return sign(MAPPER.writeValueAsBytes(payload), Long.toString(at.getEpochSecond()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs these exact bytes with this exact timestamp text. */
    public SignedInteraction sign(byte[] body, String timestamp) {
        byte[] prefix = timestamp.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return new SignedInteraction(body, HEX.formatHex(keys.sign(message)), timestamp);
    }
}
