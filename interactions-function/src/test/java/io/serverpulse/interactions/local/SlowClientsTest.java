package io.serverpulse.interactions.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.common.testing.LogCapture;
import io.serverpulse.emulator.interactions.Delivery;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSender;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.spec.SpecValidator;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import io.serverpulse.interactions.support.Await;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.interactions.support.SlowClients;
import io.serverpulse.interactions.support.SlowClients.Client;
import io.serverpulse.interactions.support.SlowClients.Kind;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Floods of clients that never finish a request (slow headers, a slow body, silence), bounded in count and time
 * and on loopback only, while a signed PING is timed: the PING is answered as usual, and the flood's connections
 * are closed by the request deadline. The bounds are behavioural, with generous margins; the benchmark measures.
 */
class SlowClientsTest {

    /** The deadline (1 s) plus the front's sweep and a generous margin for a loaded machine. */
    private static final Duration CLOSED_BY = Duration.ofMillis(1000 + 2000);

    private final InteractionKeyPair keys = InteractionKeyPair.generate();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final InteractionSender sender = new InteractionSender(http, new InteractionSigner(keys, Clock.systemUTC()),
            SpecValidator.shared(), EndToEnd.TIMEOUT);
    private final InteractionFactory factory = new InteractionFactory(1_200_000_000_000_000_777L, Clock.systemUTC());
    private LocalInteractionsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private URI start(FrontLimits limits) {
        InteractionsEndpoint endpoint = new InteractionsEndpoint(new Ed25519SignatureVerifier(keys.publicKeyHex()),
                new InteractionHandler(new InMemoryStore(), CommandRegistry.standard(Optional.empty(), false), Clock.systemUTC()),
                work -> {
                });
        server = LocalInteractionsServer.start(new InetSocketAddress("127.0.0.1", 0), endpoint, 2, limits);
        return server.uri();
    }

    private List<Delivery> timedPings(URI uri, int count) {
        List<Delivery> pings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pings.add(sender.send(uri, factory.ping()));
        }
        return pings;
    }

    private static void assertClosedByTheDeadline(List<Client> flood) {
        Await.until("the flood's connections to be closed", () -> flood.stream().allMatch(Client::closedByServer),
                Duration.ofSeconds(10));
        assertThat(flood).allSatisfy(client -> assertThat(client.heldFor()).as("%s from %s", client.kind, client.from)
                .isLessThan(CLOSED_BY));
    }

    @Test
    void slowHeaderSlowBodyAndSilentFloodsDoNotDelayASignedPingAndAreClosedByTheDeadline() throws Exception {
        URI uri = start(FrontLimits.DEFAULTS);
        try (LogCapture log = new LogCapture(); SlowClients flood = new SlowClients()) {
            // GIVEN 60 clients sending headers a byte at a time, 60 sending a body a byte at a time, 60 silent ones,
            // 20 from each of nine loopback addresses
            flood.open(uri, Kind.SLOW_HEADERS, 60, 20, 2)
                    .open(uri, Kind.SLOW_BODY, 60, 20, 5)
                    .open(uri, Kind.SILENT, 60, 20, 8);

            // WHEN Discord PINGs meanwhile
            List<Delivery> pings = timedPings(uri, 10);

            // THEN each PING is answered PONG in its usual time
            assertThat(pings).allSatisfy(ping -> {
                assertThat(ping.status()).isEqualTo(200);
                assertThat(ping.body()).isEqualTo("{\"type\":1}");
                assertThat(ping.latency()).isLessThan(Duration.ofSeconds(1));
            });

            // AND every flood connection was closed by the request deadline, which was logged once, not per connection
            assertClosedByTheDeadline(flood.clients());
            assertThat(log.lines().stream().filter(line -> line.contains("request not complete within the deadline")
                    && line.contains("further ones are counted")).count()).isEqualTo(1);
        }
    }

    @Test
    void connectionsOverThePerAddressLimitAreClosedAtOnceAndLoggedOnce() throws Exception {
        // GIVEN at most 10 connections per address
        URI uri = start(FrontLimits.DEFAULTS.withConnections(512, 10));
        try (LogCapture log = new LogCapture(); SlowClients flood = new SlowClients()) {
            // WHEN one address opens 30 silent connections
            flood.open(uri, Kind.SILENT, 30, 30, 20);

            // THEN 20 are closed at once (the other 10 by the deadline), logged once; a PING from another address passes
            Await.until("the refusals", () -> flood.clients().stream().filter(Client::closedByServer).count() >= 20,
                    Duration.ofSeconds(10));
            assertThat(flood.clients().stream().filter(c -> c.closedByServer() && c.heldFor().compareTo(Duration.ofMillis(500)) < 0)
                    .count()).isGreaterThanOrEqualTo(20);
            assertThat(sender.send(uri, factory.ping()).body()).isEqualTo("{\"type\":1}");
            assertThat(log.lines().stream().filter(line -> line.contains("too many open from one address")
                    && line.contains("127.0.0.20")).count()).isEqualTo(1);
            assertClosedByTheDeadline(flood.clients());
        }
    }

    @Test
    void connectionsOverTheTotalLimitAreClosedAtOnceAndTheServerRecovers() throws Exception {
        // GIVEN at most 40 connections in all
        URI uri = start(FrontLimits.DEFAULTS.withConnections(40, 40));
        try (SlowClients flood = new SlowClients()) {
            // WHEN 60 silent connections arrive from three addresses
            flood.open(uri, Kind.SILENT, 60, 20, 30);

            // THEN 20 are refused at once, the rest closed by the deadline, and then a PING is answered
            assertClosedByTheDeadline(flood.clients());
            assertThat(flood.clients().stream().filter(c -> c.heldFor().compareTo(Duration.ofMillis(500)) < 0).count())
                    .isGreaterThanOrEqualTo(20);
            assertThat(sender.send(uri, factory.ping()).body()).isEqualTo("{\"type\":1}");
        }
    }
}
