package io.serverpulse.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.crypto.SecretSealer.SealedSecretException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    private static final byte[] MASTER_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long GUILD = 1176201535215009852L;
    private static final String SECRET = "sk-proj-4f9Xq2LmN8vB1cR7tY3wZ0aH6jK5pQ9s";

    private final SecretSealer sealer = new SecretSealer(MASTER_KEY);

    @Test
    void aSealedSecretOpensForItsGuild() {
        // GIVEN a key sealed for a guild
        String sealed = sealer.seal(GUILD, SECRET);

        // WHEN it is opened for the same guild
        String opened = sealer.open(GUILD, sealed);

        // THEN it is the key again, and the sealed form neither contains nor resembles it
        assertThat(opened).isEqualTo(SECRET);
        assertThat(sealed).startsWith("v2:" + SecretSealer.keyId(MASTER_KEY) + ":").doesNotContain(SECRET)
                .doesNotContain(SECRET.substring(SECRET.length() - 8));
        assertThat(SecretSealer.keyId(MASTER_KEY)).matches("[0-9a-f]{8}");
        byte[] raw = Base64.getDecoder().decode(body(sealed));
        assertThat(raw).hasSize(12 + SECRET.length() + 16);
    }

    @Test
    void everySealUsesAFreshNonce() {
        // GIVEN / WHEN the same key is sealed twice
        String first = sealer.seal(GUILD, SECRET);
        String second = sealer.seal(GUILD, SECRET);

        // THEN the outputs differ (random nonce) and both open
        assertThat(first).isNotEqualTo(second);
        assertThat(sealer.open(GUILD, first)).isEqualTo(sealer.open(GUILD, second)).isEqualTo(SECRET);
    }

    @Test
    void aSealedSecretDoesNotOpenForAnotherGuild() {
        // GIVEN a key sealed for one guild, copied into another guild's settings
        String sealed = sealer.seal(GUILD, SECRET);

        // WHEN / THEN opening it with the other guild id as associated data fails, without the secret in the message
        assertThatThrownBy(() -> sealer.open(GUILD + 1, sealed))
                .isInstanceOf(SealedSecretException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        // GIVEN a sealed key with one bit flipped in the ciphertext, in the nonce, and in the tag
        String sealed = sealer.seal(GUILD, SECRET);
        byte[] raw = Base64.getDecoder().decode(body(sealed));
        for (int index : new int[] {0, 12, 20, raw.length - 1}) {
            byte[] tampered = raw.clone();
            tampered[index] ^= 0x01;
            String altered = sealed.substring(0, sealed.length() - body(sealed).length())
                    + Base64.getEncoder().withoutPadding().encodeToString(tampered);

            // WHEN / THEN it fails to open
            assertThatThrownBy(() -> sealer.open(GUILD, altered)).as("flip at %d", index)
                    .isInstanceOf(SealedSecretException.class);
        }
    }

    @Test
    void anotherMasterKeyDoesNotOpen() {
        // GIVEN a key sealed with one master key
        String sealed = sealer.seal(GUILD, SECRET);
        byte[] otherKey = MASTER_KEY.clone();
        otherKey[0] ^= 1;

        // WHEN / THEN a process with another master key cannot open it
        assertThatThrownBy(() -> new SecretSealer(otherKey).open(GUILD, sealed)).isInstanceOf(SealedSecretException.class);
    }

    @Test
    void malformedAndUnknownVersionsAreRefusedCleanly() {
        // GIVEN / WHEN / THEN garbage never opens and never throws anything but SealedSecretException
        String sealed = sealer.seal(GUILD, SECRET);
        for (String bad : new String[] {null, "", "v1:", "v1:!!!", "v1:AAAA", "v2:", "v2:abcdef01", "v3:" + sealed.substring(3),
                "v1:" + body(sealed), "v2:00000000:" + body(sealed), SECRET}) {
            assertThatThrownBy(() -> sealer.open(GUILD, bad)).as("%s", bad).isInstanceOf(SealedSecretException.class);
        }
    }

    @Test
    void theMasterKeyMustBe32Bytes() {
        // GIVEN / WHEN / THEN a short key is refused at construction
        assertThatThrownBy(() -> new SecretSealer(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void nonAsciiSecretsRoundTrip() {
        // GIVEN a secret with characters outside ASCII
        String secret = "clé-🔑-" + SECRET;

        // WHEN / THEN it opens byte for byte
        assertThat(sealer.open(GUILD, sealer.seal(GUILD, secret))).isEqualTo(secret);
    }

    @Test
    void duringARotationWhatThePreviousKeySealedStillOpensAndIsResealedWithTheNewKey() {
        // GIVEN a key sealed with the old master key
        byte[] newKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        String old = sealer.seal(GUILD, SECRET);

        // WHEN the new key is current and the old one configured as previous
        SecretSealer rotating = new SecretSealer(newKey, Optional.of(MASTER_KEY));

        // THEN the old value opens, is not current, and re-seals into one of the new key that opens without the old key
        assertThat(rotating.rotating()).isTrue();
        assertThat(rotating.open(GUILD, old)).isEqualTo(SECRET);
        assertThat(rotating.isCurrent(old)).isFalse();
        String resealed = rotating.reseal(GUILD, old);
        assertThat(resealed).startsWith("v2:" + SecretSealer.keyId(newKey) + ":");
        assertThat(rotating.isCurrent(resealed)).isTrue();
        assertThat(rotating.reseal(GUILD, resealed)).isSameAs(resealed);
        assertThat(new SecretSealer(newKey).open(GUILD, resealed)).isEqualTo(SECRET);
        // ... while the new key alone cannot open the old value, and says which key it needs (no secret)
        assertThatThrownBy(() -> new SecretSealer(newKey).open(GUILD, old)).isInstanceOf(SealedSecretException.class)
                .hasMessageContaining(SecretSealer.keyId(MASTER_KEY)).hasMessageContaining("not configured");
    }

    @Test
    void valuesSealedBeforeKeyIdsExistedStillOpenWithEitherKey() throws Exception {
        // GIVEN a key sealed in version 1 (no key id, the guild id alone as associated data)
        String legacy = sealVersion1(MASTER_KEY, GUILD, SECRET);
        byte[] newKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

        // WHEN / THEN it opens with that key as the current one, or as the previous one, and is re-sealed in version 2
        assertThat(sealer.open(GUILD, legacy)).isEqualTo(SECRET);
        assertThat(sealer.isCurrent(legacy)).isFalse();
        SecretSealer rotating = new SecretSealer(newKey, Optional.of(MASTER_KEY));
        assertThat(rotating.open(GUILD, legacy)).isEqualTo(SECRET);
        assertThat(rotating.reseal(GUILD, legacy)).startsWith("v2:" + SecretSealer.keyId(newKey) + ":");
        // ... and still not for another guild
        assertThatThrownBy(() -> rotating.open(GUILD + 1, legacy)).isInstanceOf(SealedSecretException.class);
    }

    @Test
    void aKeyCopiedToAnotherGuildDoesNotOpenEvenDuringARotation() {
        // GIVEN keys sealed for a guild with the old and the new master key
        byte[] newKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        SecretSealer rotating = new SecretSealer(newKey, Optional.of(MASTER_KEY));
        for (String sealed : new String[] {sealer.seal(GUILD, SECRET), rotating.seal(GUILD, SECRET)}) {
            // WHEN / THEN neither opens for another guild
            assertThatThrownBy(() -> rotating.open(GUILD + 1, sealed)).isInstanceOf(SealedSecretException.class);
        }
    }

    @Test
    void thePreviousKeyMustDifferFromTheCurrentOne() {
        assertThatThrownBy(() -> new SecretSealer(MASTER_KEY, Optional.of(MASTER_KEY.clone())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previous master key is the current one");
    }

    /** The base64 part of a sealed value. */
    private static String body(String sealed) {
        return sealed.substring(sealed.lastIndexOf(':') + 1);
    }

    /** Version 1 as ServerPulse wrote it before key ids: "v1:" + base64(nonce || ciphertext || tag), the guild id as AAD. */
    private static String sealVersion1(byte[] key, long guildId, String secret) throws Exception {
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        cipher.updateAAD(Long.toString(guildId).getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        byte[] out = java.nio.ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        return "v1:" + Base64.getEncoder().withoutPadding().encodeToString(out);
    }
}
