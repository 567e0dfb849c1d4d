package io.serverpulse.digest.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.aws.scheduler.EventBridgeDigestSchedules;
import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.ai.AiServices;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.digest.ChannelNames;
import io.serverpulse.common.digest.DigestComposer;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestSummaries;
import io.serverpulse.common.digest.DigestView;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.testing.FakeAiServer;
import io.serverpulse.common.testing.FakeAiServer.Reply;
import io.serverpulse.common.testing.aws.SchedulerStandIn;
import io.serverpulse.digest.support.Fortnight;
import io.serverpulse.digest.support.SimulatedStore;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * The AI summary in the AWS mode: the digest function, wired from its environment as in Lambda (the master key,
 * {@code AI_OPENAI_BASE_URL} at a local fake speaking OpenAI's API), posts the guild's weekly digest with its
 * provider's summary; an attempt that composed the digest and died before posting it left the summary cached, so
 * the function's run asks the provider no second time.
 */
class AiDigestFunctionTest {

    static final Instant DUE = Instant.parse("2026-03-09T02:10:00Z");
    static final DigestPeriod WEEK = DigestPeriod.weekly(LocalDate.parse("2026-03-02"), ZoneId.of("Europe/Berlin"));
    static final String MASTER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    MongoServer mongo;
    String mongoUri;
    SimulatedCommunity sim;
    DiscordEmulator discord;
    MongoStore store;
    FakeAiServer openai;
    SchedulerClient scheduler;

    @BeforeEach
    void start() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/ai_digests";
        sim = Fortnight.of(3_000);
        store = MongoStores.connect(mongoUri);
        SimulatedStore.fill(store, sim, sim.groundTruth(false, Set.of()), Set.of(), 2_000);
        discord = DiscordEmulator.builder(sim.communities()).start();
        openai = FakeAiServer.start(AiProvider.Protocol.OPENAI_CHAT);
        scheduler = SchedulerClient.builder().endpointOverride(new SchedulerStandIn().endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        openai.close();
        discord.close();
        store.close();
        mongo.shutdownNow();
    }

    private ServerPulseConfig config() {
        return ServerPulseConfig.load(EnvSource.of(Map.of(ServerPulseConfig.DISCORD_TOKEN, discord.token(),
                ServerPulseConfig.MONGODB_URI, mongoUri, ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl(),
                ServerPulseConfig.MODE, "aws", ServerPulseConfig.MASTER_KEY, MASTER_KEY,
                AiEndpoints.variable(AiProvider.OPENAI), openai.baseUrl())));
    }

    private JsonNode invoke(GuildSettings settings) throws Exception {
        EventBridgeDigestSchedules schedules = new EventBridgeDigestSchedules(scheduler, new EventBridgeDigestSchedules.Target(
                "serverpulse-digests", "arn:aws:lambda:eu-west-1:123456789012:function:d", "arn:aws:iam::123456789012:role/s"));
        DigestFunction function = new DigestFunction(DigestWiring.run(config(), schedules, Clock.fixed(DUE.plusSeconds(60), ZoneOffset.UTC)));
        String input = EventBridgeDigestSchedules.input(settings).replace("<aws.scheduler.scheduled-time>", DUE.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private GuildSettings withOpenAi(long guild) {
        SecretSealer sealer = new SecretSealer(Base64.getDecoder().decode(MASTER_KEY));
        return store.updateSettings(guild, s -> s.withDigest(DigestFrequency.WEEKLY, Instant.EPOCH)
                .withTimeZone("Europe/Berlin", Instant.EPOCH)
                .withAiChain(List.of(new AiProviderEntry(AiProvider.OPENAI, null, sealer.seal(guild, "sk-fn-openai-0001"))),
                        Instant.EPOCH));
    }

    @Test
    void theScheduledDigestCarriesTheSummaryAndARetryAfterADeadAttemptAsksNoSecondTime() throws Exception {
        // GIVEN the big guild with OpenAI as its provider (a local fake)
        long guild = sim.communities().get(0).guildId();
        openai.then(Reply.success(AiProvider.Protocol.OPENAI_CHAT, "Messages held up well, and member #1 led channel #1."));
        GuildSettings settings = withOpenAi(guild);
        // AND an attempt that composed the week's digest, its summary included, and died before posting it
        AiServices ai = AiServices.of(config());
        DigestComposer.of(store, ChannelNames.NONE, DigestSummaries.of(ai.summaries(store, Clock.systemUTC(), ai.digestPolicy())))
                .compose(settings, WEEK, Texts.english(), DigestView.footer(guild, WEEK), 10_000_000);
        assertThat(openai.requests()).hasSize(1);

        // WHEN the schedule invokes the digest function
        JsonNode answer = invoke(settings);

        // THEN the digest is posted with the summary that attempt cached: no second call to the provider
        assertThat(answer.path("digests").path(WEEK.key()).asText()).isEqualTo("POSTED");
        Long channel = store.settings(guild).updateChannelId();
        StoredMessage digest = discord.recorded().messages(channel).get(0);
        JsonNode ai0 = digest.embeds().get(0).path("fields").get(0);
        assertThat(ai0.path("name").asText()).isEqualTo("🤖 AI summary · written by OpenAI (gpt-5.4-mini-2026-03-17)");
        assertThat(ai0.path("value").asText()).startsWith("Messages held up well, and <@").contains("> led <#");
        assertThat(openai.requests()).hasSize(1);
        // AND the provider got the guild's key, sent only to it
        assertThat(openai.requests().get(0).headers().get("authorization")).isEqualTo("Bearer sk-fn-openai-0001");
    }

    @Test
    void whenTheProviderFailsTheFunctionStillPostsTheDigestSayingSo() throws Exception {
        // GIVEN the guild's provider has a server error
        long guild = sim.communities().get(0).guildId();
        openai.then(Reply.serverError(AiProvider.Protocol.OPENAI_CHAT));
        GuildSettings settings = withOpenAi(guild);

        // WHEN the schedule invokes the digest function
        JsonNode answer = invoke(settings);

        // THEN the digest is posted with the rule-written paragraph, saying no provider could write the summary
        assertThat(answer.path("digests").path(WEEK.key()).asText()).isEqualTo("POSTED");
        StoredMessage digest = discord.recorded().messages(store.settings(guild).updateChannelId()).get(0);
        assertThat(digest.embeds().get(0).path("fields").get(0).path("value").asText())
                .isEqualTo(Texts.english().get("digest.ai.none"));
        assertThat(openai.requests()).hasSize(1);
    }
}
