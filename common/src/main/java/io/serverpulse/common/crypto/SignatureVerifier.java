package io.serverpulse.common.crypto;

/**
 * Checks the signature Discord puts on every interaction it POSTs to an endpoint:
 * {@code X-Signature-Ed25519} over {@code X-Signature-Timestamp} followed by the raw request body.
 * Implementations answer {@code false} for anything that does not verify, including malformed input,
 * and never throw for bad input: the endpoint answers 401 either way.
 */
@FunctionalInterface
public interface SignatureVerifier {

    /**
     * @param signatureHex the {@code X-Signature-Ed25519} header (hex), may be {@code null}
     * @param timestamp    the {@code X-Signature-Timestamp} header, may be {@code null}
     * @param rawBody      the request body exactly as received, before any parsing, may be {@code null}
     * @return whether the signature is a valid signature of {@code timestamp + rawBody}
     */
    boolean verify(String signatureHex, String timestamp, byte[] rawBody);
}
