package io.serverpulse.common.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Verifies Discord interaction signatures with the application's Ed25519 public key (the hex string
 * shown as "Public Key" in the developer portal), using Bouncy Castle.
 *
 * <p>Thread-safe: the key is immutable and each call uses its own signer.
 */
public final class Ed25519SignatureVerifier implements SignatureVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final Ed25519PublicKeyParameters publicKey;

    /**
     * @param publicKeyHex the application's public key, 64 hex characters (32 bytes)
     * @throws IllegalArgumentException if it is not exactly 32 bytes of hex
     */
    public Ed25519SignatureVerifier(String publicKeyHex) {
        byte[] key = decodeKey(publicKeyHex);
        try {
            this.publicKey = new Ed25519PublicKeyParameters(key, 0);
        } catch (IllegalArgumentException notAPoint) {
            throw new IllegalArgumentException("Ed25519 public key is not a valid curve point", notAPoint);
        }
    }

    @Override
    public boolean verify(String signatureHex, String timestamp, byte[] rawBody) {
        if (signatureHex == null || timestamp == null || rawBody == null
                || signatureHex.length() != 2 * Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        try {
            byte[] signature = HEX.parseHex(signatureHex);
            byte[] prefix = timestamp.getBytes(StandardCharsets.UTF_8);
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, publicKey);
            signer.update(prefix, 0, prefix.length);
            signer.update(rawBody, 0, rawBody.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static byte[] decodeKey(String publicKeyHex) {
        int expected = 2 * Ed25519PublicKeyParameters.KEY_SIZE;
        if (publicKeyHex == null) {
            throw new IllegalArgumentException("Ed25519 public key is missing: expected " + expected + " hex characters");
        }
        String trimmed = publicKeyHex.trim();
        if (trimmed.length() != expected) {
            throw new IllegalArgumentException("Ed25519 public key must be " + expected + " hex characters (32 bytes), got "
                    + trimmed.length() + " characters");
        }
        try {
            return HEX.parseHex(trimmed);
        } catch (IllegalArgumentException notHex) {
            throw new IllegalArgumentException("Ed25519 public key must be hexadecimal (0-9, a-f)", notHex);
        }
    }
}
