package io.serverpulse.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.rest.RouteKeys;
import io.serverpulse.emulator.state.CommandRegistration;
import io.serverpulse.emulator.state.InteractionCallback;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.MessageSource;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.RequestLog;
import io.serverpulse.emulator.state.StoredAttachment;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.emulator.state.WebhookCall;
import io.serverpulse.emulator.support.Awaits;
import io.serverpulse.emulator.support.EventLog;
import io.serverpulse.emulator.support.JdaClients;
import io.serverpulse.emulator.support.TestCommunities;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.ApplicationInfo;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.channel.ChannelCreateEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.FileUpload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real JDA 6 client against the emulator's REST API: messages, limits, 429s, commands, interactions, channels. */
class JdaRestTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestCommunities.Ids ids = TestCommunities.ids(2, 3);
    private final EventLog log = new EventLog();
    private DiscordEmulator emulator;
    private JdaClients clients;
    private JDA jda;

    @BeforeEach
    void start() throws InterruptedException {
        emulator = DiscordEmulator.builder(List.of(TestCommunities.community(ids)))
                .grantPrivilegedIntents(Intents.GUILD_MEMBERS)
                .start();
        clients = new JdaClients();
        jda = clients.connect(JdaClients.builder(emulator, JdaClients.ANALYTICS).addEventListeners(log, new Replies()));
    }

    @AfterEach
    void stop() {
        clients.close();
        emulator.close();
    }

    /** The bot under test's command handling: /stats answers with an embed, /digest defers then edits. */
    private static final class Replies extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            if (event.getName().equals("stats")) {
                event.replyEmbeds(new EmbedBuilder().setTitle("Activity").addField("Messages", "42", true).build()).queue();
            } else if (event.getName().equals("digest")) {
                event.deferReply(true).queue(hook -> hook.editOriginal("Digest for " + event.getOption("period").getAsString()).queue());
            }
        }
    }

    private TextChannel general() {
        return jda.getTextChannelById(ids.generalId());
    }

    @Test
    void sendMessageWithAnEmbedAndAFileIsRecordedWithTheFilesBytes() throws Exception {
        // GIVEN a report file and an embed
        byte[] csv = "channel,messages\ngeneral,42\n".getBytes(StandardCharsets.UTF_8);

        // WHEN the bot sends them with JDA (multipart: payload_json + files[0])
        Message sent = general().sendMessage("Weekly report")
                .setEmbeds(new EmbedBuilder().setTitle("Top channels").setDescription("general leads").build())
                .addFiles(FileUpload.fromData(csv, "report.csv"))
                .complete();

        // THEN the emulator recorded the message with its embed and the attachment's exact bytes
        List<StoredMessage> recorded = emulator.recorded().messages(ids.generalId());
        assertThat(recorded).hasSize(1);
        StoredMessage message = recorded.get(0);
        assertThat(message.content()).isEqualTo("Weekly report");
        assertThat(message.source()).isEqualTo(MessageSource.CHANNEL);
        assertThat(message.embeds()).extracting(e -> e.path("title").asText()).containsExactly("Top channels");
        StoredAttachment attachment = message.attachments().get(0);
        assertThat(attachment.filename()).isEqualTo("report.csv");
        assertThat(attachment.bytes()).isEqualTo(csv);
        // AND JDA got the created message back, with an attachment it can download from the emulator
        assertThat(sent.getIdLong()).isEqualTo(message.id());
        assertThat(sent.getEmbeds()).extracting(e -> e.getTitle()).containsExactly("Top channels");
        try (InputStream in = sent.getAttachments().get(0).getProxy().download().get(30, TimeUnit.SECONDS)) {
            assertThat(in.readAllBytes()).isEqualTo(csv);
        }
    }

    @Test
    void aBodyDiscordRejectsGets400WithTheInvalidFormBodyShape() throws Exception {
        // GIVEN a message body with 2,001 characters of content (JDA itself refuses to build one, so send it raw)
        String body = Json.write(Json.object().put("content", "x".repeat(2001)));

        // WHEN it is posted with the bot token
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create(emulator.restBaseUrl() + "channels/" + Long.toUnsignedString(ids.generalId()) + "/messages"))
                        .header("Authorization", "Bot " + emulator.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        // THEN it gets Discord's 400 / 50035 answer, and nothing was posted
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body())).isEqualTo(fixture("rest/content-too-long.expected.json"));
        assertThat(emulator.recorded().messages(ids.generalId())).isEmpty();
    }

    @Test
    void a429OnTheMessageBucketIsHonouredAndTheMessageArrivesOnce() {
        // GIVEN the message route answers its next request with a 429, retry after 1 s
        emulator.rateLimit(RouteKeys.CREATE_MESSAGE, Duration.ofSeconds(1), 1);

        // WHEN the bot sends one message
        general().sendMessage("after the limit").complete();

        // THEN JDA waited and retried: one 429, then one 200, and the message was posted exactly once
        assertThat(emulator.recorded().requests()).filteredOn(r -> r.route().equals(RouteKeys.CREATE_MESSAGE))
                .extracting(RequestLog::status).containsExactly(429, 200);
        assertThat(emulator.recorded().messages(ids.generalId())).extracting(StoredMessage::content)
                .containsExactly("after the limit");
    }

    @Test
    void aGlobal429IsHonouredToo() {
        // GIVEN the next request on any route gets a global 429
        emulator.rateLimitGlobally(Duration.ofSeconds(1), 1);

        // WHEN the bot sends a message
        general().sendMessage("after the global limit").complete();

        // THEN it arrived exactly once after one 429
        assertThat(emulator.recorded().requests()).filteredOn(r -> r.route().equals(RouteKeys.CREATE_MESSAGE))
                .extracting(RequestLog::status).containsExactly(429, 200);
        assertThat(emulator.recorded().messages(ids.generalId())).hasSize(1);
    }

    @Test
    void commandsAreRegisteredAndAGatewayInteractionIsAnsweredOverRest() throws Exception {
        // GIVEN the bot registers its global commands
        jda.updateCommands().addCommands(
                Commands.slash("stats", "Show the server's activity"),
                Commands.slash("digest", "Build a digest").addOption(net.dv8tion.jda.api.interactions.commands.OptionType.STRING,
                        "period", "week or month", true)).complete();
        List<CommandRegistration> registrations = emulator.recorded().commandRegistrations();
        assertThat(registrations).hasSize(1);
        assertThat(registrations.get(0).method()).isEqualTo("PUT");
        assertThat(registrations.get(0).global()).isTrue();
        assertThat(registrations.get(0).body()).extracting(b -> b.path("name").asText()).containsExactly("stats", "digest");

        // WHEN a member runs /stats in #general (dispatched as INTERACTION_CREATE)
        PendingInteraction stats = emulator.slashCommand(ids.generalId(), ids.memberIds().get(0), "stats", Map.of());

        // THEN the bot's callback arrives over REST: a message with the embed, posted in the channel
        List<InteractionCallback> callbacks = Awaits.until(() -> emulator.recorded().interactionCallbacks(stats.id()),
                l -> !l.isEmpty(), WAIT, "the /stats callback");
        assertThat(callbacks.get(0).type()).isEqualTo(4);
        assertThat(callbacks.get(0).data().path("embeds").get(0).path("title").asText()).isEqualTo("Activity");
        StoredMessage reply = Awaits.until(() -> emulator.recorded().messages(ids.generalId()), l -> !l.isEmpty(), WAIT, "the reply").get(0);
        assertThat(reply.source()).isEqualTo(MessageSource.INTERACTION_RESPONSE);
        assertThat(reply.interactionId()).isEqualTo(stats.id());

        // WHEN a member runs /digest period:week, which the bot defers (ephemeral) and then edits
        PendingInteraction digest = emulator.slashCommand(ids.generalId(), ids.memberIds().get(1), "digest", Map.of("period", "week"));

        // THEN a deferred callback, then a webhook PATCH of @original with the final content
        List<WebhookCall> edits = Awaits.until(() -> emulator.recorded().webhookCalls().stream()
                .filter(c -> c.interactionId() == digest.id() && c.method().equals("PATCH")).toList(), l -> !l.isEmpty(), WAIT, "the edit");
        assertThat(emulator.recorded().interactionCallbacks(digest.id())).extracting(InteractionCallback::type).containsExactly(5);
        assertThat(emulator.recorded().interactionCallbacks(digest.id()).get(0).ephemeral()).isTrue();
        assertThat(edits.get(0).messageRef()).isEqualTo("@original");
        assertThat(edits.get(0).payload().path("content").asText()).isEqualTo("Digest for week");
        StoredMessage original = emulator.recorded().messages().stream()
                .filter(m -> digest.id() == (m.interactionId() == null ? 0 : m.interactionId())).findFirst().orElseThrow();
        assertThat(original.content()).isEqualTo("Digest for week");
        assertThat(original.ephemeral()).isTrue();
    }

    @Test
    void creatingAChannelIsRecordedAndDispatched() throws Exception {
        // WHEN the bot creates a text channel
        TextChannel created = jda.getGuildById(ids.guildId()).createTextChannel("pulse-alerts").complete();

        // THEN the emulator recorded it and the client got CHANNEL_CREATE
        assertThat(emulator.recorded().channelsCreated()).extracting(c -> c.name()).containsExactly("pulse-alerts");
        ChannelCreateEvent event = log.awaitOne(ChannelCreateEvent.class, e -> e.getChannel().getIdLong() == created.getIdLong(), WAIT);
        assertThat(event.getChannel().getName()).isEqualTo("pulse-alerts");
    }

    @Test
    void theApplicationIsTheEmulatorsBot() {
        // WHEN the bot asks for its application
        ApplicationInfo info = jda.retrieveApplicationInfo().complete();

        // THEN it is the emulator's application
        assertThat(info.getIdLong()).isEqualTo(emulator.applicationId());
        assertThat(info.getName()).isEqualTo("ServerPulse");
    }

    private static JsonNode fixture(String path) throws IOException {
        try (InputStream in = JdaRestTest.class.getResourceAsStream("/" + path)) {
            return Json.parse(in.readAllBytes());
        }
    }
}
