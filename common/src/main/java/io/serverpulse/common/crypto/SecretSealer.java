package io.serverpulse.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small secrets (a guild's AI provider key) with AES-256-GCM before they are stored, and
 * opens them again. The guild id is the associated data, so a sealed key copied into another
 * guild's settings does not open.
 *
 * <p>Output format, version 1: {@code v1:} followed by base64 (standard alphabet, no padding) of
 * {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}; the nonce is random per seal, the
 * associated data is the guild id in decimal (ASCII). A later format gets a new prefix, and
 * {@link #open} keeps reading the old ones.
 *
 * <p>Thread-safe. Never logs, and never puts a secret in an exception message.
 */
public final class SecretSealer {

    public static final String VERSION_1 = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** @param masterKey 32 bytes (e.g. {@code ServerPulseConfig#requireMasterKey()}); copied */
    public SecretSealer(byte[] masterKey) {
        this(masterKey, new SecureRandom());
    }

    SecretSealer(byte[] masterKey, SecureRandom random) {
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be 32 bytes, got " + masterKey.length);
        }
        this.key = new SecretKeySpec(masterKey.clone(), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Seals {@code secret} for {@code guildId}. */
    public String seal(long guildId, String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(guildId));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return VERSION_1 + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every Java SE runtime: reaching this is a broken JDK, not bad input
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens a value made by {@link #seal} for the same guild.
     *
     * @throws SealedSecretException if the value is malformed, of an unknown version, was sealed for
     *     another guild or with another master key, or was altered
     */
    public String open(long guildId, String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION_1)) {
            throw new SealedSecretException("not a sealed secret of a known version");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(sealed.substring(VERSION_1.length()));
        } catch (IllegalArgumentException e) {
            throw new SealedSecretException("sealed secret is not valid base64");
        }
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedSecretException("sealed secret is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(guildId));
            byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            try {
                return new String(plain, StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new SealedSecretException("sealed secret does not open for this guild and master key");
        } catch (GeneralSecurityException e) {
            throw new SealedSecretException("sealed secret could not be opened: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] associatedData(long guildId) {
        return Long.toString(guildId).getBytes(StandardCharsets.US_ASCII);
    }

    /** A sealed value that does not open. The message never contains the value. */
    public static final class SealedSecretException extends RuntimeException {
        public SealedSecretException(String message) {
            super(message);
        }
    }
}
