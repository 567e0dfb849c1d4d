package io.serverpulse.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Ed25519SignatureVerifierTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String TIMESTAMP = "1767225600";
    private static final byte[] BODY = "{\"type\":1,\"id\":\"1\",\"token\":\"t\"}".getBytes(StandardCharsets.UTF_8);

    private Ed25519PrivateKeyParameters privateKey;
    private Ed25519SignatureVerifier verifier;

    @BeforeEach
    void newKeyPair() {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        privateKey = (Ed25519PrivateKeyParameters) pair.getPrivate();
        verifier = new Ed25519SignatureVerifier(HEX.formatHex(((Ed25519PublicKeyParameters) pair.getPublic()).getEncoded()));
    }

    private String sign(String timestamp, byte[] body) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        byte[] prefix = timestamp.getBytes(StandardCharsets.UTF_8);
        signer.update(prefix, 0, prefix.length);
        signer.update(body, 0, body.length);
        return HEX.formatHex(signer.generateSignature());
    }

    @Test
    void aGoodSignatureVerifies() {
        // GIVEN a body signed the way Discord signs it
        String signature = sign(TIMESTAMP, BODY);

        // WHEN / THEN
        assertThat(verifier.verify(signature, TIMESTAMP, BODY)).isTrue();
        assertThat(verifier.verify(signature.toUpperCase(), TIMESTAMP, BODY)).as("hex is case-insensitive").isTrue();
    }

    @Test
    void aFlippedByteInTheBodyIsRejected() {
        // GIVEN a valid signature
        String signature = sign(TIMESTAMP, BODY);
        byte[] altered = BODY.clone();
        altered[5] ^= 0x01;

        // WHEN / THEN
        assertThat(verifier.verify(signature, TIMESTAMP, altered)).isFalse();
    }

    @Test
    void aFlippedByteInTheSignatureIsRejected() {
        // GIVEN a valid signature with one byte changed
        byte[] signature = HEX.parseHex(sign(TIMESTAMP, BODY));
        signature[10] ^= 0x01;

        // WHEN / THEN
        assertThat(verifier.verify(HEX.formatHex(signature), TIMESTAMP, BODY)).isFalse();
    }

    @Test
    void aChangedTimestampIsRejected() {
        // GIVEN a signature over one timestamp
        String signature = sign(TIMESTAMP, BODY);

        // WHEN the request carries another timestamp THEN it does not verify
        assertThat(verifier.verify(signature, "1767225601", BODY)).isFalse();
    }

    @Test
    void malformedInputIsFalseNotAnException() {
        // GIVEN a valid signature to compare against
        String good = sign(TIMESTAMP, BODY);

        // WHEN / THEN every kind of malformed input answers false
        assertThat(verifier.verify("zz" + good.substring(2), TIMESTAMP, BODY)).as("not hex").isFalse();
        assertThat(verifier.verify(good.substring(0, 126), TIMESTAMP, BODY)).as("too short").isFalse();
        assertThat(verifier.verify(good + "00", TIMESTAMP, BODY)).as("too long").isFalse();
        assertThat(verifier.verify("", TIMESTAMP, BODY)).as("empty").isFalse();
        assertThat(verifier.verify(null, TIMESTAMP, BODY)).as("no signature header").isFalse();
        assertThat(verifier.verify(good, null, BODY)).as("no timestamp header").isFalse();
        assertThat(verifier.verify(good, TIMESTAMP, null)).as("no body").isFalse();
        assertThat(verifier.verify("0".repeat(128), TIMESTAMP, BODY)).as("all zeros").isFalse();
    }

    @Test
    void matchesTheRfc8032TestVector() {
        // GIVEN RFC 8032 section 7.1, TEST 2: one-byte message 0x72 ("r"), signed by an independent implementation
        Ed25519SignatureVerifier rfc = new Ed25519SignatureVerifier(
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        String signature = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

        // WHEN the message is split into timestamp + body either way THEN it verifies (the signature covers the concatenation)
        assertThat(rfc.verify(signature, "r", new byte[0])).isTrue();
        assertThat(rfc.verify(signature, "", new byte[] {0x72})).isTrue();
        assertThat(rfc.verify(signature, "s", new byte[0])).isFalse();
    }

    @Test
    void aKeyOfTheWrongLengthIsRejectedAtConstruction() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> new Ed25519SignatureVerifier("abcd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ed25519 public key must be 64 hex characters (32 bytes), got 4 characters");
        assertThatThrownBy(() -> new Ed25519SignatureVerifier(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> new Ed25519SignatureVerifier("g".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ed25519 public key must be hexadecimal (0-9, a-f)");
    }
}
