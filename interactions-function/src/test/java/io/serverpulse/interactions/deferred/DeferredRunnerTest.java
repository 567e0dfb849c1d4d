package io.serverpulse.interactions.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.common.discord.rest.DiscordRest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker's job against a scripted Discord that refuses the first edit. */
class DeferredRunnerTest {

    private HttpServer discord;

    @AfterEach
    void stop() {
        if (discord != null) {
            discord.stop(0);
        }
    }

    @Test
    void whenDiscordRefusesTheAnswerTheMemberSeesAnErrorInsteadOfThinkingForever() throws Exception {
        // GIVEN a Discord that answers the first edit 400 and the next 200, recording what it got
        List<String> edits = new CopyOnWriteArrayList<>();
        List<String> contentTypes = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        discord = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        discord.createContext("/api/v10/", exchange -> {
            try (exchange) {
                edits.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                boolean first = calls.incrementAndGet() == 1;
                byte[] body = (first ? "{\"code\":50035,\"message\":\"Invalid Form Body\"}" : "{}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(first ? 400 : 200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        discord.start();
        DeferredRunner runner = new DeferredRunner(
                new InteractionHandler(new InMemoryStore(), CommandRegistry.standard(Optional.empty(), false), Clock.systemUTC()),
                new FollowUpSender(DiscordRest.create("http://127.0.0.1:" + discord.getAddress().getPort() + "/api/v10/", Optional.empty())));
        DeferredWork export = new DeferredWork("export-report", 1177777777777777777L, "tok-123", 1176201535215009852L,
                539082325061836800L, "fr", 10_485_760L, Map.of("format", "json"));

        // WHEN the worker finishes an export for a French-speaking admin
        FollowUpResult result = runner.run(export.toJson().getBytes(StandardCharsets.UTF_8));

        // THEN the refused answer (multipart, with the file) was followed by a plain error edit in French, with a reference
        assertThat(result.status()).isEqualTo(FollowUpResult.Status.REJECTED);
        assertThat(edits).hasSize(2);
        assertThat(edits).allMatch(edit -> edit.startsWith("PATCH /api/v10/webhooks/1177777777777777777/tok-123/messages/@original "));
        assertThat(contentTypes.get(0)).startsWith("multipart/form-data; boundary=");
        assertThat(contentTypes.get(1)).isEqualTo("application/json");
        assertThat(edits.get(1)).contains("⚠️").containsPattern("`[0-9a-f]{8}`").doesNotContain("Something went wrong");
    }
}
