package io.serverpulse.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Signature checks on random keys, timestamps and bodies (fixed seeds: every run tries the same
 * inputs; each try has its own key pair, derived from a generated seed).
 */
class Ed25519SignatureVerifierProperties {

    private static final HexFormat HEX = HexFormat.of();
    private static final String HEX_DIGITS = "0123456789abcdefABCDEF";

    /** A key pair derived from a seed, so that a failing try names its key by a number. */
    record Key(long seed) {

        Ed25519PrivateKeyParameters privateKey() {
            byte[] bytes = new byte[Ed25519PrivateKeyParameters.KEY_SIZE];
            new Random(seed).nextBytes(bytes);
            return new Ed25519PrivateKeyParameters(bytes, 0);
        }

        SignatureVerifier verifier() {
            return new Ed25519SignatureVerifier(HEX.formatHex(privateKey().generatePublicKey().getEncoded()));
        }

        String sign(String timestamp, byte[] body) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, privateKey());
            byte[] prefix = timestamp.getBytes(StandardCharsets.UTF_8);
            signer.update(prefix, 0, prefix.length);
            signer.update(body, 0, body.length);
            return HEX.formatHex(signer.generateSignature());
        }
    }

    /** One bit of one byte (the position is taken modulo the body's length). */
    record Flip(int position, int bit) {
    }

    private static Gen<Key> keys() {
        return longs().all().map(Key::new);
    }

    /** Unix seconds from 2015 to 2100, as Discord sends them. */
    private static Gen<String> timestamps() {
        return longs().between(1_420_070_400L, 4_102_444_800L).map(seconds -> Long.toString(seconds));
    }

    private static Gen<byte[]> bodies(int minSize, int maxSize) {
        return Generate.byteArrays(integers().between(minSize, maxSize), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    /** Any text, and now and then text of exactly a signature's length (hex or not), so the decoding is reached too. */
    private static Gen<String> garbageSignatures() {
        Gen<String> hex = Generate.intArrays(Generate.constant(128), integers().between(0, HEX_DIGITS.length() - 1))
                .map(digits -> {
                    StringBuilder text = new StringBuilder();
                    for (int digit : digits) {
                        text.append(HEX_DIGITS.charAt(digit));
                    }
                    return text.toString();
                });
        return Generate.frequency(
                Pair.of(2, strings().allPossible().ofLengthBetween(0, 255)),
                Pair.of(1, hex),
                Pair.of(1, strings().basicMultilingualPlaneAlphabet().ofLength(128)));
    }

    @Test
    void everySignedBodyVerifies() {
        qt().withFixedSeed(0xED25_0001L).withExamples(200).withShrinkCycles(2_000)
                .forAll(keys(), timestamps(), bodies(0, 2000))
                .checkAssert((key, timestamp, body) -> {
                    // GIVEN a signed body WHEN verified THEN accepted
                    assertThat(key.verifier().verify(key.sign(timestamp, body), timestamp, body)).isTrue();
                });
    }

    @Test
    void anySingleBitFlipInTheBodyIsRejected() {
        Gen<Flip> flips = integers().between(0, 1_999).zip(integers().between(0, 7), Flip::new);
        qt().withFixedSeed(0xED25_0002L).withExamples(200).withShrinkCycles(2_000)
                .forAll(keys(), timestamps(), bodies(1, 2000), flips)
                .checkAssert((key, timestamp, body, flip) -> {
                    // GIVEN a signature over the original body
                    String signature = key.sign(timestamp, body);
                    byte[] altered = body.clone();
                    altered[flip.position() % body.length] ^= (byte) (1 << flip.bit());

                    // WHEN / THEN the altered body is rejected
                    assertThat(key.verifier().verify(signature, timestamp, altered)).isFalse();
                });
    }

    @Test
    void arbitraryHeaderGarbageNeverThrows() {
        qt().withFixedSeed(0xED25_0003L).withExamples(200).withShrinkCycles(2_000)
                .forAll(keys(), garbageSignatures(), strings().allPossible().ofLengthBetween(0, 255), bodies(0, 255))
                .checkAssert((key, signature, timestamp, body) -> {
                    // GIVEN whatever a client may send WHEN verified THEN it is simply false
                    assertThat(key.verifier().verify(signature, timestamp, body)).isFalse();
                });
    }
}
