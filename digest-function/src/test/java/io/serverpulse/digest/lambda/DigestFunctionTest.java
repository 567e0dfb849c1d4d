package io.serverpulse.digest.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.aws.scheduler.EventBridgeDigestSchedules;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.testing.aws.SchedulerStandIn;
import io.serverpulse.digest.run.ScheduleSync;
import io.serverpulse.digest.support.Fortnight;
import io.serverpulse.digest.support.SimulatedStore;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * The digest function as EventBridge Scheduler invokes it, wired as in Lambda from its environment, against the
 * emulator (Discord), the MongoDB stand-in (a simulated fortnight stored as the collector stores it) and a local
 * endpoint standing in for EventBridge Scheduler.
 */
class DigestFunctionTest {

    static final String GROUP = "serverpulse-digests";
    static final Instant DUE = Instant.parse("2026-03-09T02:10:00Z");
    static final long GONE = 1_150_000_000_000_000_999L;

    static MongoServer mongo;
    static String mongoUri;
    static SimulatedCommunity sim;
    static DiscordEmulator discord;
    static MongoStore store;

    SchedulerStandIn scheduler;
    SchedulerClient client;

    @BeforeAll
    static void fill() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/digests_fn";
        sim = Fortnight.of(4_000);
        store = MongoStores.connect(mongoUri);
        GroundTruth truth = sim.groundTruth(false, Set.of());
        SimulatedStore.fill(store, sim, truth, Set.of(), 2_000);
        discord = DiscordEmulator.builder(sim.communities()).start();
    }

    @AfterAll
    static void close() {
        discord.close();
        store.close();
        mongo.shutdownNow();
    }

    @BeforeEach
    void scheduler() {
        scheduler = new SchedulerStandIn();
        client = SchedulerClient.builder().endpointOverride(scheduler.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private EventBridgeDigestSchedules schedules() {
        return new EventBridgeDigestSchedules(client, new EventBridgeDigestSchedules.Target(GROUP,
                "arn:aws:lambda:eu-west-1:123456789012:function:serverpulse-digests", "arn:aws:iam::123456789012:role/scheduler"));
    }

    private ServerPulseConfig config() {
        return ServerPulseConfig.load(EnvSource.of(Map.of(ServerPulseConfig.DISCORD_TOKEN, discord.token(),
                ServerPulseConfig.MONGODB_URI, mongoUri, ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl(),
                ServerPulseConfig.MODE, "aws")));
    }

    private String invoke(String payload, Instant now) throws IOException {
        DigestFunction function = new DigestFunction(DigestWiring.run(config(), schedules(), Clock.fixed(now, ZoneOffset.UTC)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The input the guild's schedule sends, its time filled in as EventBridge Scheduler fills it. */
    private static String input(GuildSettings settings, Instant due) {
        return EventBridgeDigestSchedules.input(settings).replace("<aws.scheduler.scheduled-time>", due.toString());
    }

    private static GuildSettings weeklyInBerlin(long guild) {
        return store.updateSettings(guild, s -> s.withDigest(DigestFrequency.WEEKLY, Instant.EPOCH)
                .withTimeZone("Europe/Berlin", Instant.EPOCH));
    }

    private static List<StoredMessage> digests(long guild) {
        Long channel = store.settings(guild).updateChannelId();
        return channel == null ? List.of() : discord.recorded().messages(channel).stream()
                .filter(m -> !m.embeds().isEmpty() && m.embeds().get(0).path("footer").path("text").asText()
                        .startsWith("ServerPulse digest " + guild + " ")).toList();
    }

    @Test
    void aScheduledInvocationPostsTheGuildsDigestOnceEvenWhenRetried() throws Exception {
        // GIVEN the big guild with weekly digests in Berlin, its schedule firing on Monday 03:10
        Community guild = sim.communities().get(0);
        GuildSettings settings = weeklyInBerlin(guild.guildId());

        // WHEN the schedule invokes the function, and Lambda retries the invocation a minute later
        JsonNode first = new ObjectMapper().readTree(invoke(input(settings, DUE), DUE.plusSeconds(90)));
        JsonNode retried = new ObjectMapper().readTree(invoke(input(settings, DUE), DUE.plusSeconds(150)));

        // THEN the week was posted by the first; for the retry the ledger said nothing was due: one digest message
        assertThat(first.path("digests").path("weekly:2026-03-02").asText()).isEqualTo("POSTED");
        assertThat(retried.path("result").asText()).isEqualTo("ran");
        assertThat(retried.path("digests")).isEmpty();
        List<StoredMessage> posted = digests(guild.guildId());
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).attachments()).hasSize(3);
        assertThat(posted.get(0).embeds().get(0).path("title").asText()).startsWith("📊 Weekly pulse");
        assertThat(scheduler.requests()).isEmpty();
    }

    @Test
    void aGuildWithoutDigestsOrThatTheBotLeftGetsNothingAndLosesItsSchedule() throws Exception {
        // GIVEN the small guild, which turned digests off, and a guild the bot is no longer in
        Community small = sim.communities().get(1);
        GuildSettings off = store.updateSettings(small.guildId(), s -> s.withDigest(DigestFrequency.NONE, Instant.EPOCH));
        GuildSettings left = weeklyInBerlin(GONE);

        // WHEN their (stale) schedules fire
        String offAnswer = invoke(input(off.withDigest(DigestFrequency.WEEKLY, Instant.EPOCH), DUE), DUE.plusSeconds(60));
        String leftAnswer = invoke(input(left, DUE), DUE.plusSeconds(60));

        // THEN nothing is posted, and each schedule is deleted from the group
        assertThat(offAnswer).isEqualTo("{\"result\":\"no-digest\"}");
        assertThat(leftAnswer).isEqualTo("{\"result\":\"left\"}");
        assertThat(digests(small.guildId())).isEmpty();
        assertThat(scheduler.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "DELETE /schedules/" + EventBridgeDigestSchedules.name(small.guildId()),
                "DELETE /schedules/" + EventBridgeDigestSchedules.name(GONE));
    }

    @Test
    void anInputThatIsNotAScheduleIsDropped() throws Exception {
        assertThat(invoke("{\"hello\": 1}", DUE)).isEqualTo("{\"result\":\"dropped\"}");
        assertThat(invoke("not json", DUE)).isEqualTo("{\"result\":\"dropped\"}");
    }

    @Test
    void theDailySyncCreatesMissingSchedulesAndRemovesThoseOfGuildsTheBotLeft() {
        // GIVEN the big guild weekly in Berlin (its settings stored without /set-digest), the small one with digests off,
        // and a guild the bot left
        weeklyInBerlin(sim.communities().get(0).guildId());
        store.updateSettings(sim.communities().get(1).guildId(), s -> s.withDigest(DigestFrequency.NONE, Instant.EPOCH));
        weeklyInBerlin(GONE);

        // WHEN the daily sync runs
        String answer = new ScheduleSync(store, schedules(), io.serverpulse.common.discord.rest.DiscordRest.create(
                discord.restBaseUrl(), Optional.of(discord.token()))).run();

        // THEN the big guild has its schedule, the others none
        assertThat(scheduler.schedule(GROUP, EventBridgeDigestSchedules.name(sim.communities().get(0).guildId()))
                .path("ScheduleExpressionTimezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(scheduler.size()).isEqualTo(1);
        assertThat(answer).contains("\"created\":1").contains("\"failed\":0");
    }
}
