package io.serverpulse.alerts.support;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.state.ChannelRecord;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the functions run against in the tests: the discord-emulator's REST server (Discord's spec
 * validation on every body the bot sends) and the real MongoDB driver speaking to mongo-java-server,
 * wired as in Lambda from the environment ({@code DISCORD_TOKEN}, {@code MONGODB_URI},
 * {@code DISCORD_API_BASE_URL}). {@link #store()} is a second client on the same database, for
 * seeding and reading.
 */
public final class AlertRig implements AutoCloseable {

    /** The guild of the collector's fixture payload. */
    public static final long GUILD = 1217456348762181632L;
    public static final long OWNER = Snowflake.of(Instant.parse("2023-01-01T00:00:00Z"), 1);
    public static final long GENERAL = Snowflake.of(Instant.parse("2024-03-01T00:00:02Z"), 1);
    public static final long MEMES = Snowflake.of(Instant.parse("2024-03-01T00:00:03Z"), 1);
    /** A second guild (queue tests: notices of two guilds interleaved). */
    public static final long OTHER_GUILD = 1217456348762181699L;

    private final MongoServer mongo = new MongoServer(new MemoryBackend());
    private final DiscordEmulator discord;
    private final String mongoUri;
    private final MongoStore store;

    public AlertRig() {
        this(builder -> builder);
    }

    public AlertRig(UnaryOperator<DiscordEmulator.Builder> emulator) {
        this(List.of(GUILD), emulator);
    }

    /** Discord with these guilds (each as {@link #community}), the bot a member of all. */
    public AlertRig(List<Long> guilds, UnaryOperator<DiscordEmulator.Builder> emulator) {
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        mongoUri = "mongodb://127.0.0.1:" + address.getPort() + "/alerts_test";
        discord = emulator.apply(DiscordEmulator.builder(guilds.stream().map(AlertRig::community).toList())).start();
        store = MongoStores.connect(mongoUri);
    }

    public static Community community(long guildId) {
        // the first guild's channels are GENERAL and MEMES; another guild's get ids of their own
        long offset = guildId == GUILD ? 0 : 100;
        return new Community(guildId, "Raid Target", OWNER,
                List.of(new Community.Channel(GENERAL + offset, "general", ChannelType.GUILD_TEXT, 0),
                        new Community.Channel(MEMES + offset, "memes", ChannelType.GUILD_TEXT, 1)),
                List.of(new Community.Member(OWNER, "owner", false)), List.of());
    }

    /** The configuration a deployed function reads from its environment, pointed at the emulator and the stand-in. */
    public ServerPulseConfig config() {
        return ServerPulseConfig.load(EnvSource.of(Map.of(
                ServerPulseConfig.DISCORD_TOKEN, discord.token(),
                ServerPulseConfig.MONGODB_URI, mongoUri,
                ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl())));
    }

    public DiscordEmulator discord() {
        return discord;
    }

    public MongoStore store() {
        return store;
    }

    /** The channels the bot created. */
    public List<ChannelRecord> channelsCreated() {
        return discord.recorded().channelsCreated();
    }

    public List<StoredMessage> messages(long channelId) {
        return discord.recorded().messages(channelId);
    }

    /** The single embed of a message. */
    public static JsonNode embed(StoredMessage message) {
        return message.embeds().get(0);
    }

    public static byte[] resource(String path) {
        try (InputStream in = AlertRig.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls a Lambda handler as the runtime does, with the payload as its input stream; returns what it wrote. */
    public static String invoke(Handler handler, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code RequestStreamHandler#handleRequest} without the Lambda context. */
    @FunctionalInterface
    public interface Handler {
        void handleRequest(InputStream input, java.io.OutputStream output, com.amazonaws.services.lambda.runtime.Context context)
                throws IOException;
    }

    public Optional<Long> updateChannel(long guildId) {
        return store.findSettings(guildId).map(s -> s.updateChannelId());
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            try {
                discord.close();
            } finally {
                mongo.shutdownNow();
            }
        }
    }
}
