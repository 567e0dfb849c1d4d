package io.serverpulse.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

class Ed25519SignatureVerifierProperties {

    private static final HexFormat HEX = HexFormat.of();
    private static final Ed25519PrivateKeyParameters KEY = new Ed25519PrivateKeyParameters(new SecureRandom());
    private static final SignatureVerifier VERIFIER = new Ed25519SignatureVerifier(HEX.formatHex(KEY.generatePublicKey().getEncoded()));

    private static String sign(String timestamp, byte[] body) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, KEY);
        byte[] prefix = timestamp.getBytes(StandardCharsets.UTF_8);
        signer.update(prefix, 0, prefix.length);
        signer.update(body, 0, body.length);
        return HEX.formatHex(signer.generateSignature());
    }

    @Provide
    Arbitrary<String> timestamps() {
        return Arbitraries.longs().between(1_420_070_400L, 4_102_444_800L).map(String::valueOf);
    }

    @Property(tries = 200)
    void everySignedBodyVerifies(@ForAll("timestamps") String timestamp, @ForAll @Size(max = 2000) byte[] body) {
        // GIVEN a signed body WHEN verified THEN accepted
        assertThat(VERIFIER.verify(sign(timestamp, body), timestamp, body)).isTrue();
    }

    @Property(tries = 200)
    void anySingleBitFlipInTheBodyIsRejected(@ForAll("timestamps") String timestamp, @ForAll @Size(min = 1, max = 2000) byte[] body,
                                            @ForAll @IntRange(min = 0, max = 1_999) int position, @ForAll @IntRange(min = 0, max = 7) int bit) {
        // GIVEN a signature over the original body
        String signature = sign(timestamp, body);
        byte[] altered = body.clone();
        altered[position % body.length] ^= (byte) (1 << bit);

        // WHEN / THEN the altered body is rejected
        assertThat(VERIFIER.verify(signature, timestamp, altered)).isFalse();
    }

    @Property(tries = 200)
    void arbitraryHeaderGarbageNeverThrows(@ForAll String signature, @ForAll String timestamp, @ForAll byte[] body) {
        // GIVEN whatever a client may send WHEN verified THEN it is simply false
        assertThat(VERIFIER.verify(signature, timestamp, body)).isFalse();
    }
}
