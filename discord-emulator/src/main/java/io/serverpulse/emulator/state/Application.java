package io.serverpulse.emulator.state;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.util.encoders.Hex;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The bot application the emulator plays host to: its id (also the bot user's id, as for apps
 * created since 2020), its token, the privileged intents it is granted in the "developer portal",
 * and its Ed25519 key pair (the public key is what Discord shows as the app's public key).
 */
public final class Application {

    private final long id;
    private final String botName;
    private final String token;
    private final int grantedPrivilegedIntents;
    private final Ed25519PrivateKeyParameters privateKey;

    public Application(long id, String botName, String token, int grantedPrivilegedIntents, Ed25519PrivateKeyParameters privateKey) {
        this.id = id;
        this.botName = Objects.requireNonNull(botName, "botName");
        this.token = Objects.requireNonNull(token, "token");
        this.grantedPrivilegedIntents = grantedPrivilegedIntents;
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    /** A fresh application with a random token and key pair. */
    public static Application generate(long id, String botName, int grantedPrivilegedIntents, SecureRandom random) {
        return new Application(id, botName, randomToken(id, random), grantedPrivilegedIntents,
                new Ed25519PrivateKeyParameters(random));
    }

    /** A token shaped like Discord's: base64(user id) . base64(6 bytes) . base64(27 bytes). */
    public static String randomToken(long botUserId, SecureRandom random) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] middle = new byte[6];
        byte[] last = new byte[27];
        random.nextBytes(middle);
        random.nextBytes(last);
        return b64.encodeToString(Long.toUnsignedString(botUserId).getBytes(StandardCharsets.US_ASCII)) + "."
                + b64.encodeToString(middle) + "." + b64.encodeToString(last);
    }

    public long id() {
        return id;
    }

    public long botUserId() {
        return id;
    }

    public String botName() {
        return botName;
    }

    public String token() {
        return token;
    }

    /** Bit set of the privileged gateway intents (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT) this app may use. */
    public int grantedPrivilegedIntents() {
        return grantedPrivilegedIntents;
    }

    /** The public key as Discord shows it: 64 lowercase hex characters. */
    public String publicKeyHex() {
        return Hex.toHexString(privateKey.generatePublicKey().getEncoded());
    }

    /** Signs {@code timestamp + body} as Discord signs an interaction request; hex encoded. */
    public String sign(String timestamp, byte[] body) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        byte[] ts = timestamp.getBytes(StandardCharsets.UTF_8);
        signer.update(ts, 0, ts.length);
        signer.update(body, 0, body.length);
        return Hex.toHexString(signer.generateSignature());
    }

    /** Whether an {@code Authorization} header value carries this bot's token. */
    public boolean acceptsAuthorization(String header) {
        return header != null && header.equals("Bot " + token);
    }

    /** Whether a gateway IDENTIFY/RESUME token is this bot's (with or without the {@code Bot } prefix). */
    public boolean acceptsGatewayToken(String value) {
        if (value == null) {
            return false;
        }
        String bare = value.startsWith("Bot ") ? value.substring(4) : value;
        return bare.equals(token);
    }
}
