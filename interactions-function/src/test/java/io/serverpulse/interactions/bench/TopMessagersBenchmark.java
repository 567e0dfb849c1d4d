package io.serverpulse.interactions.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.FollowUp;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.interactions.Entities;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.interactions.Invoker;
import io.serverpulse.emulator.interactions.SignedInteraction;
import io.serverpulse.emulator.interactions.SlashCommand;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import io.serverpulse.interactions.local.LocalInteractionsServer;
import io.serverpulse.interactions.support.MongoStandIn;
import io.serverpulse.store.mongodb.MongoStore;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Warm latency of {@code /topmessagers 30d} on a guild of 100,000 members with 90 days of data: the signed
 * interaction over HTTP (keep-alive) to the local server, verified, answered (the command reads the store
 * to decide, then defers: more than three members means a chart). Then the worker's part (the same read
 * plus the chart) measured on its own.
 *
 * <p>Not a test. Run by hand (see BENCHMARKS.md):
 * {@code java -Xmx6g -cp <test classpath> io.serverpulse.interactions.bench.TopMessagersBenchmark [warmup] [measured] [members] [days] [active share]}.
 * With {@code -Dbench.mongodb=mongodb://…} it runs on that MongoDB instead of the in-process stand-in.
 */
public final class TopMessagersBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopMessagersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 90;
        double activeShare = args.length > 4 ? Double.parseDouble(args[4]) : 0.04;
        String uri = System.getProperty("bench.mongodb");
        MongoStandIn standIn = uri == null ? new MongoStandIn() : null;
        String storeUri = uri != null ? uri : standIn.freshDatabaseUri();
        System.out.printf("machine: %d cores, load average %.2f, java %s%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        try (MongoStore store = MongoStore.connect(storeUri)) {
            Instant now = Instant.now();
            BenchGuild.Loaded loaded = BenchGuild.load(store, now, members, days, 12, activeShare, 42);
            System.out.printf("store: %s (%s); loaded %,d members x %d days: %,d guild-wide member-days, %,d channel member-days, "
                            + "%,d channel-hours, %,d member-hours, %,d messages, in %d s%n",
                    uri == null ? "MongoDB wire-protocol stand-in (mongo-java-server, in-memory, same JVM)" : "MongoDB", store.describe(),
                    members, days, loaded.memberDays(), loaded.channelMemberDays(), loaded.channelHours(), loaded.memberHours(),
                    loaded.messages(), loaded.took().toSeconds());
            run(store, warmup, measured);
        } finally {
            if (standIn != null) {
                standIn.close();
            }
        }
    }

    private static void run(Store store, int warmup, int measured) throws Exception {
        InteractionKeyPair keys = InteractionKeyPair.generate();
        InteractionHandler handler = InteractionHandler.create(ServerPulseConfig.load(EnvSource.of(Map.of())), store);
        ConcurrentLinkedQueue<DeferredWork> deferred = new ConcurrentLinkedQueue<>();
        InteractionsEndpoint endpoint = new InteractionsEndpoint(new Ed25519SignatureVerifier(keys.publicKeyHex()), handler,
                deferred::add);
        try (LocalInteractionsServer server = LocalInteractionsServer.start(new InetSocketAddress("127.0.0.1", 0), endpoint, 4)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            InteractionSigner signer = new InteractionSigner(keys, Clock.systemUTC());
            InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, Clock.systemUTC());
            Entities.Guild guild = new Entities.Guild(BenchGuild.GUILD, "en-US");
            Invoker member = new Invoker(guild, Entities.Channel.text(BenchGuild.FIRST_CHANNEL, "general", BenchGuild.GUILD),
                    Entities.Member.of(Entities.User.human(BenchGuild.FIRST_MEMBER + 7, "bench"), (1L << 10) | (1L << 11),
                            Instant.parse("2024-01-01T00:00:00Z")), "en-US", 0);
            SlashCommand command = SlashCommand.of(1L, "topmessagers", SlashCommand.Value.string("period", "30d"));
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < warmup + measured; i++) {
                SignedInteraction signed = signer.sign(factory.slashCommand(member, command));
                HttpRequest.Builder request = HttpRequest.newBuilder(server.uri()).POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
                signed.headers().forEach(request::header);
                HttpRequest built = request.build();
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - start;
                JsonNode answer = JSON.readTree(response.body());
                if (response.statusCode() != 200 || answer.path("type").asInt() != 5) {
                    throw new IllegalStateException("expected a DEFERRED answer, got " + response.statusCode() + " " + response.body());
                }
                if (i >= warmup) {
                    latencies.add(took);
                }
            }
            System.out.printf("/topmessagers 30d over HTTP, warm (after %d warm-up requests), one client, keep-alive: %s%n", warmup,
                    new Stats(latencies).summary());
            List<Long> worker = new ArrayList<>();
            DeferredWork work = deferred.peek();
            int chartBytes = 0;
            for (int i = 0; i < 25; i++) {
                long start = System.nanoTime();
                FollowUp followUp = handler.completeDeferred(work);
                worker.add(System.nanoTime() - start);
                chartBytes = followUp.files().isEmpty() ? 0 : followUp.files().get(0).size();
            }
            System.out.printf("worker: completeDeferred (same read + %,d-byte PNG chart), 25 runs: %s%n", chartBytes,
                    new Stats(worker.subList(5, worker.size())).summary());
        }
    }

}
