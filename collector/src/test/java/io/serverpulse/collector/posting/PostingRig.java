package io.serverpulse.collector.posting;

import io.serverpulse.collector.support.SpecChecked;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.common.discord.post.UpdateChannelStore;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.state.RequestLog;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;

/**
 * What the poster tests run against: the emulator's REST API (every body checked against Discord's
 * OpenAPI spec, refusals remembered), two guilds, and a settings store.
 */
final class PostingRig implements AutoCloseable {

    static final long GUILD = Snowflake.of(Instant.parse("2024-03-01T00:00:00Z"), 1);
    static final long OTHER_GUILD = Snowflake.of(Instant.parse("2024-03-01T00:00:00Z"), 2);
    static final long OWNER = Snowflake.of(Instant.parse("2023-01-01T00:00:00Z"), 1);
    static final long GENERAL = Snowflake.of(Instant.parse("2024-03-01T00:00:02Z"), 1);
    static final long LOUNGE = Snowflake.of(Instant.parse("2024-03-01T00:00:03Z"), 1);
    static final long OTHER_GENERAL = Snowflake.of(Instant.parse("2024-03-01T00:00:04Z"), 1);
    static final long EXISTING_UPDATES = Snowflake.of(Instant.parse("2024-03-01T00:00:05Z"), 1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-09T08:00:00Z"), ZoneOffset.UTC);

    final SpecChecked spec = new SpecChecked();
    final DiscordEmulator discord;
    final InMemoryStore store = new InMemoryStore();
    private final DiscordRest rest;

    PostingRig() {
        this(false, builder -> builder);
    }

    /** @param updatesExists whether the guild already has a text channel named #serverpulse-updates */
    PostingRig(boolean updatesExists, UnaryOperator<DiscordEmulator.Builder> emulator) {
        List<Community.Channel> channels = updatesExists
                ? List.of(new Community.Channel(GENERAL, "general", ChannelType.GUILD_TEXT, 0),
                        new Community.Channel(LOUNGE, "lounge", ChannelType.GUILD_VOICE, 1),
                        new Community.Channel(EXISTING_UPDATES, "serverpulse-updates", ChannelType.GUILD_TEXT, 2))
                : List.of(new Community.Channel(GENERAL, "general", ChannelType.GUILD_TEXT, 0),
                        new Community.Channel(LOUNGE, "lounge", ChannelType.GUILD_VOICE, 1));
        Community guild = new Community(GUILD, "Poster Guild", OWNER, channels, List.of(new Community.Member(OWNER, "owner", false)),
                List.of());
        Community other = new Community(OTHER_GUILD, "Other Guild", OWNER,
                List.of(new Community.Channel(OTHER_GENERAL, "general", ChannelType.GUILD_TEXT, 0)),
                List.of(new Community.Member(OWNER, "owner", false)), List.of());
        discord = emulator.apply(DiscordEmulator.builder(List.of(guild, other)).validator(spec)).start();
        rest = DiscordRest.create(discord.restBaseUrl(), Optional.of(discord.token()));
    }

    /** The bot's REST client (one per process, as in production). */
    DiscordRest rest() {
        return rest;
    }

    /** A poster as a freshly started process has it (nothing remembered). */
    UpdatePoster poster() {
        return new UpdatePoster(rest, UpdateChannelStore.of(store, CLOCK));
    }

    List<Integer> statuses(String route) {
        return discord.recorded().requests().stream().filter(r -> r.route().equals(route)).map(RequestLog::status).toList();
    }

    /**
     * The statuses of the route's requests once there are at least {@code count} (waiting up to 10 s:
     * the emulator logs a request just after it answered it).
     */
    List<Integer> statuses(String route, int count) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (statuses(route).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return statuses(route);
    }

    static byte[] png(Color color) {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 3; y++) {
                image.setRGB(x, y, color.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static FileAttachment chart(Color color) {
        return new FileAttachment("activity.png", "image/png", png(color), "Messages per day");
    }

    static String resource(String path) {
        try (InputStream in = PostingRig.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        discord.close();
    }
}
