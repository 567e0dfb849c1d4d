package io.serverpulse.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.crypto.SecretSealer.SealedSecretException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
        assertThat(sealed).startsWith("v1:").doesNotContain(SECRET).doesNotContain(SECRET.substring(SECRET.length() - 8));
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
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
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        for (int index : new int[] {0, 12, 20, raw.length - 1}) {
            byte[] tampered = raw.clone();
            tampered[index] ^= 0x01;
            String altered = "v1:" + Base64.getEncoder().withoutPadding().encodeToString(tampered);

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
        for (String bad : new String[] {null, "", "v1:", "v1:!!!", "v1:AAAA", "v2:" + sealer.seal(GUILD, SECRET).substring(3),
                SECRET}) {
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
}
