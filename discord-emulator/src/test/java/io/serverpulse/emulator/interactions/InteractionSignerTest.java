package io.serverpulse.emulator.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InteractionSignerTest {

    @Test
    void aKnownSeedGivesTheRfc8032PublicKey() {
        // GIVEN the secret key of RFC 8032 section 7.1, TEST 1
        InteractionKeyPair keys = InteractionKeyPair.fromSeedHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

        // WHEN / THEN its public key is the RFC's, and the key pair never prints its private half
        assertThat(keys.publicKeyHex()).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(keys.toString()).doesNotContain("9d61b19d");
        assertThatThrownBy(() -> InteractionKeyPair.fromSeedHex("abcd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signaturesCoverTimestampThenBodyAndVerifyWithThePublicKey() {
        // GIVEN a signer on a fixed clock
        InteractionKeyPair keys = InteractionKeyPair.generate();
        InteractionSigner signer = new InteractionSigner(keys, Fixtures.CLOCK);

        // WHEN a PING is signed
        SignedInteraction signed = signer.sign(Fixtures.factory().ping());

        // THEN the timestamp is the clock's Unix seconds, the headers are Discord's, and a verifier with the public key accepts it
        assertThat(signed.timestamp()).contains(Long.toString(Fixtures.NOW.getEpochSecond()));
        assertThat(signed.headers()).containsKeys("Content-Type", "User-Agent", "X-Signature-Ed25519", "X-Signature-Timestamp");
        assertThat(signed.signatureHex()).hasValueSatisfying(hex -> assertThat(hex).hasSize(128).matches("[0-9a-f]+"));
        Ed25519SignatureVerifier verifier = new Ed25519SignatureVerifier(signer.publicKeyHex());
        assertThat(verifier.verify(signed.signatureHex().get(), signed.timestamp().get(), signed.body())).isTrue();
        assertThat(signed.bodyText()).startsWith("{\"id\":\"");
    }

    @Test
    void eachProbeSpoilsExactlyOneThing() throws Exception {
        // GIVEN a signed PING and the verifier the endpoint would use
        InteractionSigner signer = new InteractionSigner(InteractionKeyPair.generate(), Fixtures.CLOCK);
        InteractionSigner impostor = new InteractionSigner(InteractionKeyPair.generate(), Fixtures.CLOCK);
        Ed25519SignatureVerifier verifier = new Ed25519SignatureVerifier(signer.publicKeyHex());
        SignedInteraction valid = signer.sign(Fixtures.factory().ping());

        // WHEN each probe is applied THEN only the stale one still verifies (it is a replay, correctly signed)
        for (Probe probe : Probe.values()) {
            SignedInteraction spoiled = probe.spoil(valid, signer, impostor);
            boolean verifies = verifier.verify(spoiled.signatureHex().orElse(null), spoiled.timestamp().orElse(null), spoiled.body());
            assertThat(verifies).as(probe.name()).isEqualTo(!probe.mustBeRefused());
        }
        SignedInteraction altered = Probe.ALTERED_BODY.spoil(valid, signer, impostor);
        assertThat(Fixtures.MAPPER.readTree(altered.bodyText())).as("still JSON").isNotNull();
        assertThat(altered.bodyText()).isNotEqualTo(valid.bodyText()).hasSameSizeAs(valid.bodyText());
        assertThat(Probe.STALE_TIMESTAMP.spoil(valid, signer, impostor).timestamp())
                .contains(Long.toString(Fixtures.NOW.getEpochSecond() - 3600));
        assertThat(new String(valid.body(), StandardCharsets.UTF_8)).contains("\"type\":1");
    }
}
