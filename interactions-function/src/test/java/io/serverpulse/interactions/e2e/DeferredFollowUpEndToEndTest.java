package io.serverpulse.interactions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.emulator.rest.RouteKeys;
import io.serverpulse.emulator.spec.SpecValidator;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.RequestLog;
import io.serverpulse.emulator.state.StoredAttachment;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.emulator.state.WebhookCall;
import io.serverpulse.interactions.register.RegisterCommandsProbe;
import io.serverpulse.interactions.support.Await;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.interactions.support.TestGuild;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deferred commands end to end: the endpoint answers DEFERRED within the request, the emulator takes that
 * answer as the callback (as Discord does with a 200), the worker finishes the command and its edit of
 * {@code @original} arrives at the emulator's webhook endpoint, file included.
 */
class DeferredFollowUpEndToEndTest extends EndToEndSuite {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @BeforeAll
    static void registerCommands() {
        // the emulator only issues interactions for commands the bot registered: register them with the real tool
        assertThat(RegisterCommandsProbe.register(discord, "--guild", Long.toUnsignedString(TestGuild.GUILD))).isZero();
    }

    private static ArrayNode option(String name, String value) {
        ArrayNode options = Json.array();
        options.addObject().put("name", name).put("type", 3).put("value", value);
        return options;
    }

    private static void activity(EndToEnd e2e, int members) {
        MetricAggregator aggregator = new MetricAggregator();
        for (int m = 0; m < members; m++) {
            for (int i = 0; i <= m * 3; i++) {
                aggregator.add(new ActivityEvent.MessagePosted(TestGuild.GUILD, TestGuild.GENERAL, TestGuild.MEMBERS.get(m),
                        Instant.now().minus(Duration.ofHours(2))));
            }
        }
        e2e.store.apply(aggregator.drain());
    }

    private static StoredMessage original(PendingInteraction interaction) {
        return discord.recorded().messages().stream().filter(m -> Long.valueOf(interaction.id()).equals(m.interactionId()))
                .findFirst().orElseThrow(() -> new AssertionError("no @original for the interaction"));
    }

    private static WebhookCall awaitEdit(PendingInteraction interaction) {
        Await.until("the worker's edit of @original", () -> discord.recorded().webhookCalls().stream()
                .anyMatch(call -> call.interactionId() == interaction.id() && call.status() == 200));
        return discord.recorded().webhookCalls().stream()
                .filter(call -> call.interactionId() == interaction.id() && call.status() == 200).findFirst().orElseThrow();
    }

    private static void assertValidEdit(WebhookCall edit, PendingInteraction interaction) {
        assertThat(edit.method()).isEqualTo("PATCH");
        assertThat(edit.messageRef()).isEqualTo("@original");
        SpecValidator.Result check = SpecValidator.shared().validate("PATCH", "/webhooks/" + Long.toUnsignedString(discord.applicationId())
                + "/" + interaction.token() + "/messages/@original", edit.payload());
        assertThat(check.isValid() || check.outcome() == SpecValidator.Result.Outcome.SKIPPED)
                .as("the edit against Discord's spec: %s", check.readableProblems()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void topMessagersWithAChartIsDeferredAndItsFollowUpCarriesThePng(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN four members posted in #general today
            activity(e2e, 4);
            PendingInteraction interaction = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.MEMBERS.get(0), "topmessagers",
                    option("period", "7d"));

            // WHEN a member runs /topmessagers 7d
            JsonNode answer = accepted(e2e.sendRegistered(interaction));

            // THEN the first answer is a public "thinking…"
            assertThat(answer.path("type").asInt()).isEqualTo(5);
            assertThat(ephemeral(answer)).isFalse();

            // AND the worker's edit of @original arrives at the webhook, valid, with the chart as its file
            WebhookCall edit = awaitEdit(interaction);
            assertValidEdit(edit, interaction);
            assertThat(e2e.awaitWorker(1)).containsExactly("DELIVERED");
            StoredMessage message = original(interaction);
            assertThat(message.flags() & StoredMessage.FLAG_LOADING).as("no longer loading").isZero();
            assertThat(message.attachments()).hasSize(1);
            StoredAttachment chart = message.attachments().get(0);
            assertThat(chart.filename()).isEqualTo("topmessagers.png");
            assertThat(chart.bytes()).startsWith(PNG_MAGIC);
            JsonNode embed = message.embeds().get(0);
            assertThat(embed.path("image").path("url").asText()).isEqualTo("attachment://topmessagers.png");
            assertThat(embed.path("description").asText()).contains("<@" + TestGuild.MEMBERS.get(3) + "> — **10** messages");
            assertThat(e2e.escaped()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void anExportIsDeferredPrivatelyAndItsFileHoldsThisGuildsData(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN activity in this guild, and the owner (who may manage the server)
            activity(e2e, 2);
            PendingInteraction interaction = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.OWNER, "export-report",
                    option("format", "csv"));

            // WHEN the owner runs /export-report csv
            JsonNode answer = accepted(e2e.sendRegistered(interaction));

            // THEN the first answer is a private "thinking…", and the edit brings the CSV of this guild's data
            assertThat(answer.path("type").asInt()).isEqualTo(5);
            assertThat(ephemeral(answer)).isTrue();
            WebhookCall edit = awaitEdit(interaction);
            assertValidEdit(edit, interaction);
            StoredMessage message = original(interaction);
            assertThat(message.ephemeral()).isTrue();
            assertThat(message.attachments()).hasSize(1);
            StoredAttachment csv = message.attachments().get(0);
            assertThat(csv.filename()).startsWith("serverpulse-" + TestGuild.GUILD + "-").endsWith(".csv");
            assertThat(csv.text()).startsWith("record,time,channel_id,member_id,key,value,details")
                    .contains("user_daily,").contains(Long.toUnsignedString(TestGuild.GENERAL))
                    .contains(Long.toUnsignedString(TestGuild.MEMBERS.get(1)));
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void aRateLimitedFollowUpIsRetriedAfterRetryAfter(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN Discord will rate-limit the next edit of a webhook message for 1 s
            activity(e2e, 3);
            discord.rateLimit(RouteKeys.EDIT_WEBHOOK_MESSAGE, Duration.ofSeconds(1), 1);
            PendingInteraction interaction = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.MEMBERS.get(1), "topmessagers",
                    option("period", "24h"));
            int before = editStatuses().size();

            // WHEN the member runs /topmessagers
            accepted(e2e.sendRegistered(interaction));

            // THEN the edit still arrives: a 429 first, then the retry after the wait
            awaitEdit(interaction);
            // the emulator records the edit while handling it and logs the request just after: wait for that too
            Await.until("the edit's 200 in the request log", () -> editStatuses().size() > before
                    && editStatuses().get(editStatuses().size() - 1) == 200);
            List<Integer> statuses = editStatuses().subList(before, editStatuses().size());
            assertThat(statuses).contains(429).endsWith(200);
            assertThat(original(interaction).attachments()).hasSize(1);
        }
    }

    private static List<Integer> editStatuses() {
        return discord.recorded().requests().stream().filter(log -> log.route().equals(RouteKeys.EDIT_WEBHOOK_MESSAGE))
                .map(RequestLog::status).toList();
    }
}
