package io.serverpulse.common.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.RateLimits;
import io.serverpulse.common.discord.rest.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Channel names for a chart, read from Discord's channel list (a real response as fixture) over HTTP. */
class RestChannelNamesTest {

    private static final long GUILD = 1176201535215009852L;
    private static final long GENERAL = 1176201535215009855L;
    private static final long MEMES = 1176201535215009861L;

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        byte[] channels;
        try (InputStream in = getClass().getResourceAsStream("/discord/guild-channels.json")) {
            channels = in.readAllBytes();
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v10/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = status.get() == 200 ? channels : "{\"message\": \"Missing Access\", \"code\": 50001}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RestChannelNames names() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
        DiscordRest rest = new DiscordRest(HttpClient.newHttpClient(), base, Optional.of("bot-token"), new RateLimits(),
                Sleeper.SYSTEM, Duration.ofSeconds(5), Duration.ofSeconds(5));
        return new RestChannelNames(rest);
    }

    @Test
    void theNamesOfTheAskedChannelsComeFromOneRequest() {
        // GIVEN / WHEN names are asked for #general and #memes
        Map<Long, String> names = names().names(GUILD, List.of(GENERAL, MEMES));

        // THEN both are named, with one authorised GET of the guild's channels
        assertThat(names).containsOnly(Map.entry(GENERAL, "general"), Map.entry(MEMES, "memes"));
        assertThat(requests).containsExactly("GET /api/v10/guilds/1176201535215009852/channels Bot bot-token");
    }

    @Test
    void aRefusalAnswersNoNamesAndTheChartFallsBackToRanks() {
        // GIVEN a bot that may not see the guild's channels
        status.set(403);

        // WHEN / THEN no names, no exception
        assertThat(names().names(GUILD, List.of(GENERAL))).isEmpty();
    }

    @Test
    void nothingToNameMeansNoRequest() {
        assertThat(names().names(GUILD, List.of())).isEmpty();
        assertThat(requests).isEmpty();
    }
}
