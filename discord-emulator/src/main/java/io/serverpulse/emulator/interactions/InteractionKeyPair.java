package io.serverpulse.emulator.interactions;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The emulated application's Ed25519 key pair (Bouncy Castle). Discord keeps the private half and
 * shows the public half as the application's "Public Key"; the bot is configured with
 * {@link #publicKeyHex()}. The private key never leaves this object.
 */
public final class InteractionKeyPair {

    private static final HexFormat HEX = HexFormat.of();

    private final Ed25519PrivateKeyParameters privateKey;
    private final String publicKeyHex;

    private InteractionKeyPair(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKeyHex = HEX.formatHex(privateKey.generatePublicKey().getEncoded());
    }

    /** A fresh random key pair. */
    public static InteractionKeyPair generate() {
        return new InteractionKeyPair(new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    /** The key pair of a known 32-byte seed (64 hex characters), for reproducible demos and tests. */
    public static InteractionKeyPair fromSeedHex(String seedHex) {
        if (seedHex == null || seedHex.length() != 2 * Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is " + 2 * Ed25519PrivateKeyParameters.KEY_SIZE + " hex characters");
        }
        return new InteractionKeyPair(new Ed25519PrivateKeyParameters(HEX.parseHex(seedHex), 0));
    }

    /** The public key as the developer portal shows it: 64 lower-case hex characters. */
    public String publicKeyHex() {
        return publicKeyHex;
    }

    /** The Ed25519 signature (64 bytes) of {@code message}. */
    byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public String toString() {
        return "InteractionKeyPair[public=" + publicKeyHex + "]";
    }
}
