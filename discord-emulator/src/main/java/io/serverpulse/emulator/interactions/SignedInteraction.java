package io.serverpulse.emulator.interactions;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One interaction request as it goes over HTTP: the exact body bytes and the headers Discord sends
 * with it. A header may be absent (a probe leaves one out on purpose).
 */
public final class SignedInteraction {

    public static final String SIGNATURE_HEADER = "X-Signature-Ed25519";
    public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    public static final String USER_AGENT = "Discord-Interactions/1.0 (+https://discord.com)";

    private final byte[] body;
    private final String signatureHex;
    private final String timestamp;

    public SignedInteraction(byte[] body, String signatureHex, String timestamp) {
        this.body = Objects.requireNonNull(body, "body").clone();
        this.signatureHex = signatureHex;
        this.timestamp = timestamp;
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> signatureHex() {
        return Optional.ofNullable(signatureHex);
    }

    public Optional<String> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    /** The request headers, in the order Discord sends them; absent ones are left out. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        if (signatureHex != null) {
            headers.put(SIGNATURE_HEADER, signatureHex);
        }
        if (timestamp != null) {
            headers.put(TIMESTAMP_HEADER, timestamp);
        }
        return headers;
    }

    public SignedInteraction withBody(byte[] otherBody) {
        return new SignedInteraction(otherBody, signatureHex, timestamp);
    }

    public SignedInteraction withSignature(String otherSignatureHex) {
        return new SignedInteraction(body, otherSignatureHex, timestamp);
    }

    public SignedInteraction withTimestamp(String otherTimestamp) {
        return new SignedInteraction(body, signatureHex, otherTimestamp);
    }

    @Override
    public String toString() {
        return "SignedInteraction[" + body.length + " bytes, timestamp=" + timestamp + ", signed=" + (signatureHex != null) + "]";
    }
}
