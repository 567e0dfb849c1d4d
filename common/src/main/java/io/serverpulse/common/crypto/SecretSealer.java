package io.serverpulse.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small secrets (a guild's AI provider keys) with AES-256-GCM before they are stored, and
 * opens them again. The guild id is part of the associated data, so a sealed key copied into
 * another guild's settings does not open.
 *
 * <p>Output format, version 2: {@code v2:<key id>:} followed by base64 (standard alphabet, no
 * padding) of {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}. The key id names the master
 * key that sealed it: the first 4 bytes of SHA-256 over a fixed label and the key, in hex (it
 * reveals nothing of the key). The nonce is random per seal; the associated data is the guild id in
 * decimal and the key id ({@code <guild id>:<key id>}, ASCII).
 *
 * <p>Rotation: a sealer holds the current master key and, during a rotation, the previous one
 * ({@code SERVERPULSE_MASTER_KEY_PREVIOUS}). It always seals with the current key and opens what
 * either key sealed, choosing by key id; {@link #isCurrent} tells a value that should be re-sealed
 * ({@link #reseal}) and {@link KeyRotation} re-seals every stored key. Values of version 1
 * ({@code v1:} + base64, no key id, the guild id alone as associated data), written before key ids
 * existed, are still opened, with the current key or else the previous one.
 *
 * <p>Thread-safe. Never logs, and never puts a secret in an exception message.
 */
public final class SecretSealer {

    public static final String VERSION_1 = "v1:";
    public static final String VERSION_2 = "v2:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte[] KEY_ID_LABEL = "serverpulse master key id".getBytes(StandardCharsets.US_ASCII);

    private record MasterKey(String id, SecretKeySpec spec) {
    }

    private final MasterKey current;
    private final Optional<MasterKey> previous;
    private final SecureRandom random;

    /** @param masterKey 32 bytes (e.g. {@code ServerPulseConfig#requireMasterKey()}); copied */
    public SecretSealer(byte[] masterKey) {
        this(masterKey, Optional.empty());
    }

    /**
     * @param masterKey the current master key, 32 bytes: everything is sealed with it
     * @param previousKey the master key being rotated away from, 32 bytes: what it sealed still opens
     */
    public SecretSealer(byte[] masterKey, Optional<byte[]> previousKey) {
        this(masterKey, previousKey, new SecureRandom());
    }

    SecretSealer(byte[] masterKey, Optional<byte[]> previousKey, SecureRandom random) {
        this.current = masterKey(masterKey);
        this.previous = Objects.requireNonNull(previousKey, "previousKey").map(SecretSealer::masterKey);
        this.random = Objects.requireNonNull(random, "random");
        if (previous.isPresent() && previous.get().id().equals(current.id())) {
            throw new IllegalArgumentException("the previous master key is the current one");
        }
    }

    private static MasterKey masterKey(byte[] bytes) {
        Objects.requireNonNull(bytes, "masterKey");
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be 32 bytes, got " + bytes.length);
        }
        return new MasterKey(keyId(bytes), new SecretKeySpec(bytes.clone(), "AES"));
    }

    /** The key id of a 32-byte master key (8 hex characters). */
    public static String keyId(byte[] masterKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(KEY_ID_LABEL);
            return HexFormat.of().formatHex(digest.digest(masterKey), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The id of the key that seals. */
    public String currentKeyId() {
        return current.id();
    }

    /** Whether a previous key is configured (a rotation is under way). */
    public boolean rotating() {
        return previous.isPresent();
    }

    /** Seals {@code secret} for {@code guildId} with the current master key. */
    public String seal(long guildId, String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(guildId, current.id()));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return VERSION_2 + current.id() + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every Java SE runtime: reaching this is a broken JDK, not bad input
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens a value made by {@link #seal} for the same guild, with the key its id names (or, for a
     * value of version 1, with the current key, else the previous one).
     *
     * @throws SealedSecretException if the value is malformed, of an unknown version, was sealed for
     *     another guild or with a master key that is not configured, or was altered
     */
    public String open(long guildId, String sealed) {
        if (sealed != null && sealed.startsWith(VERSION_2)) {
            int colon = sealed.indexOf(':', VERSION_2.length());
            if (colon < 0) {
                throw new SealedSecretException("sealed secret has no key id");
            }
            String keyId = sealed.substring(VERSION_2.length(), colon);
            MasterKey key = keyId.equals(current.id()) ? current
                    : previous.filter(p -> p.id().equals(keyId)).orElseThrow(() -> new SealedSecretException(
                            "sealed secret was sealed with master key " + keyId + ", which is not configured"));
            return decrypt(key, raw(sealed.substring(colon + 1)), associatedData(guildId, keyId));
        }
        if (sealed != null && sealed.startsWith(VERSION_1)) {
            byte[] raw = raw(sealed.substring(VERSION_1.length()));
            List<MasterKey> keys = new ArrayList<>();
            keys.add(current);
            previous.ifPresent(keys::add);
            SealedSecretException last = null;
            for (MasterKey key : keys) {
                try {
                    return decrypt(key, raw, Long.toString(guildId).getBytes(StandardCharsets.US_ASCII));
                } catch (SealedSecretException e) {
                    last = e;
                }
            }
            throw last;
        }
        throw new SealedSecretException("not a sealed secret of a known version");
    }

    /** Whether the value is sealed with the current key in the current format (nothing to re-seal). */
    public boolean isCurrent(String sealed) {
        return sealed != null && sealed.startsWith(VERSION_2 + current.id() + ":");
    }

    /**
     * The value sealed with the current key: itself if it already is, else opened and sealed again.
     *
     * @throws SealedSecretException if it does not open
     */
    public String reseal(long guildId, String sealed) {
        return isCurrent(sealed) ? sealed : seal(guildId, open(guildId, sealed));
    }

    private static byte[] raw(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SealedSecretException("sealed secret is not valid base64");
        }
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedSecretException("sealed secret is too short");
        }
        return raw;
    }

    private static String decrypt(MasterKey key, byte[] raw, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
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

    private static byte[] associatedData(long guildId, String keyId) {
        return (guildId + ":" + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    /** A sealed value that does not open. The message never contains the value. */
    public static final class SealedSecretException extends RuntimeException {
        public SealedSecretException(String message) {
            super(message);
        }
    }
}
