package io.serverpulse.interactions.http;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A throwaway Ed25519 key that signs requests as Discord does (the timestamp, then the body), so that warming up
 * (AppCDS training, SnapStart priming, the verifier's first use) runs the real verification on real signatures.
 * Never a key of Discord's: what it signs is only ever sent to an endpoint built with {@link #publicKeyHex()}.
 */
public final class ThrowawaySigner {

    private final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());

    /** The public key, hex, as the Developer Portal shows an application's. */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(key.generatePublicKey().getEncoded());
    }

    /** The hex signature of {@code timestamp} followed by {@code body}, as {@code X-Signature-Ed25519} carries it. */
    public String sign(String timestamp, byte[] body) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        byte[] prefix = timestamp.getBytes(StandardCharsets.UTF_8);
        signer.update(prefix, 0, prefix.length);
        signer.update(body, 0, body.length);
        return HexFormat.of().formatHex(signer.generateSignature());
    }
}
