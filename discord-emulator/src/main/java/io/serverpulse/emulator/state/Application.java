package io.serverpulse.emulator.state;

import io.serverpulse.emulator.interactions.InteractionKeyPair;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The bot application the emulator plays host to: its id (also the bot user's id, as for apps
 * created since 2020), its token, the privileged intents it is granted in the "developer portal",
 * and its Ed25519 {@link InteractionKeyPair key pair}: the public key is what Discord shows as the
 * app's public key (a bot's {@code DISCORD_PUBLIC_KEY}), and interactions sent over HTTP are signed
 * with its private half.
 */
public final class Application {

    private final long id;
    private final String botName;
    private final String token;
    private final int grantedPrivilegedIntents;
    private final InteractionKeyPair keys;

    public Application(long id, String botName, String token, int grantedPrivilegedIntents, InteractionKeyPair keys) {
        this.id = id;
        this.botName = Objects.requireNonNull(botName, "botName");
        this.token = Objects.requireNonNull(token, "token");
        this.grantedPrivilegedIntents = grantedPrivilegedIntents;
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** A fresh application with a random token and key pair. */
    public static Application generate(long id, String botName, int grantedPrivilegedIntents, SecureRandom random) {
        return new Application(id, botName, randomToken(id, random), grantedPrivilegedIntents, InteractionKeyPair.generate());
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
        return keys.publicKeyHex();
    }

    /** The application's key pair: what {@link io.serverpulse.emulator.interactions.InteractionSigner} signs with. */
    public InteractionKeyPair keys() {
        return keys;
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
