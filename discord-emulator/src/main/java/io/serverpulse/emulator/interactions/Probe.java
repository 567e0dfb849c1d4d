package io.serverpulse.emulator.interactions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The bad requests an interactions endpoint must refuse, like the ones Discord sends when the
 * endpoint URL is saved (and at random later): Discord removes an endpoint that accepts a request
 * whose signature does not verify. Each probe starts from a correctly signed PING and spoils one
 * thing.
 */
public enum Probe {

    /** Signed with another key. */
    BAD_SIGNATURE(true),
    /** No {@code X-Signature-Ed25519} header. */
    MISSING_SIGNATURE(true),
    /** No {@code X-Signature-Timestamp} header. */
    MISSING_TIMESTAMP(true),
    /** Signed, then one byte of the body changed (still valid JSON). */
    ALTERED_BODY(true),
    /** Correctly signed, but with a timestamp an hour old: a replay. Discord does not require refusing it. */
    STALE_TIMESTAMP(false);

    /** How old the stale timestamp is. */
    public static final Duration STALENESS = Duration.ofHours(1);

    private final boolean mustBeRefused;

    Probe(boolean mustBeRefused) {
        this.mustBeRefused = mustBeRefused;
    }

    /** Whether Discord requires a 401 for it (false: advisory, replay protection). */
    public boolean mustBeRefused() {
        return mustBeRefused;
    }

    SignedInteraction spoil(SignedInteraction valid, InteractionSigner signer, InteractionSigner impostor) {
        String timestamp = valid.timestamp().orElseThrow();
        return switch (this) {
            case BAD_SIGNATURE -> impostor.sign(valid.body(), timestamp);
            case MISSING_SIGNATURE -> valid.withSignature(null);
            case MISSING_TIMESTAMP -> valid.withTimestamp(null);
            case ALTERED_BODY -> valid.withBody(alterOneByte(valid.body()));
            case STALE_TIMESTAMP -> signer.sign(valid.body(), Long.toString(Long.parseLong(timestamp) - STALENESS.toSeconds()));
        };
    }

    /** Changes one character of the {@code token} value (or else the last letter or digit), keeping the JSON valid. */
    static byte[] alterOneByte(byte[] body) {
        byte[] altered = body.clone();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int token = text.indexOf("\"token\":\"");
        int at = token >= 0 ? token + "\"token\":\"".length() : -1;
        if (at < 0 || at >= altered.length || !Character.isLetterOrDigit(altered[at])) {
            at = -1;
            for (int i = altered.length - 1; i >= 0 && at < 0; i--) {
                if (Character.isLetterOrDigit(altered[i])) {
                    at = i;
                }
            }
        }
        if (at < 0) {
            altered[altered.length / 2] ^= 0x01;
        } else {
            altered[at] = (byte) (altered[at] == 'a' ? 'b' : altered[at] == '0' ? '1' : Character.isDigit(altered[at]) ? '0' : 'a');
        }
        return altered;
    }
}
