package io.serverpulse.interactions.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.FollowUp;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.rest.RouteKeys;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.RequestLog;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.Sleeper;
import io.serverpulse.interactions.register.RegisterCommandsProbe;
import io.serverpulse.interactions.support.Await;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.interactions.support.TestGuild;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Edits of {@code @original} against the emulator's webhook routes. */
class FollowUpSenderTest {

    private static DiscordEmulator discord;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        discord = DiscordEmulator.builder(List.of(TestGuild.community())).start();
        RegisterCommandsProbe.register(discord, "--guild", Long.toUnsignedString(TestGuild.GUILD));
    }

    @AfterAll
    static void stop() {
        discord.close();
    }

    private static PendingInteraction newInteraction() {
        return discord.newSlashCommand(TestGuild.GENERAL, TestGuild.MEMBERS.get(0), "topmessagers", null);
    }

    private static FollowUp followUp(PendingInteraction interaction, MessageBody body) {
        ObjectNode json = body.toJson(false);
        return new FollowUp(discord.applicationId(), interaction.token(), json, body.files());
    }

    private List<Integer> editStatuses() {
        return discord.recorded().requests().stream().filter(log -> log.route().equals(RouteKeys.EDIT_WEBHOOK_MESSAGE))
                .map(RequestLog::status).toList();
    }

    @Test
    void anEditThatOvertakesTheDeferredAnswerIsRetriedUntilDiscordKnowsIt() throws Exception {
        // GIVEN an interaction Discord has not seen answered yet (the worker started before the DEFERRED arrived)
        PendingInteraction interaction = newInteraction();
        FollowUpSender sender = new FollowUpSender(DiscordRest.create(discord.restBaseUrl(), Optional.empty()));
        int before = editStatuses().size();

        // WHEN the edit is sent, and the DEFERRED answer reaches Discord only after Discord refused a first edit
        CompletableFuture<FollowUpResult> sent = CompletableFuture.supplyAsync(() -> sender.send(followUp(interaction,
                MessageBody.text("Here is your answer"))));
        Await.until("a refused first edit", () -> editStatuses().size() > before);
        EndToEnd.relayCallback(discord, http, interaction, "{\"type\":5}");

        // THEN the edit was retried and delivered
        FollowUpResult result = sent.get(30, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(FollowUpResult.Status.DELIVERED);
        assertThat(result.attempts()).isGreaterThan(1);
        assertThat(editStatuses().subList(before, editStatuses().size())).startsWith(404).endsWith(200);
        StoredMessage original = discord.recorded().messages().stream().filter(m -> Long.valueOf(interaction.id()).equals(m.interactionId()))
                .findFirst().orElseThrow();
        assertThat(original.content()).isEqualTo("Here is your answer");
    }

    @Test
    void anInteractionDiscordNeverAcknowledgedIsGivenUpAfterTheBackoff() {
        // GIVEN an interaction that was never answered, and a sender with two short retries
        PendingInteraction interaction = newInteraction();
        List<Duration> slept = new java.util.ArrayList<>();
        FollowUpSender sender = new FollowUpSender(DiscordRest.create(discord.restBaseUrl(), Optional.empty()), slept::add,
                List.of(Duration.ofMillis(1), Duration.ofMillis(2)));

        // WHEN the edit is sent
        FollowUpResult result = sender.send(followUp(interaction, MessageBody.text("late")));

        // THEN three tries, then UNDELIVERED with Discord's 404
        assertThat(result.status()).isEqualTo(FollowUpResult.Status.UNDELIVERED);
        assertThat(result.httpStatus()).isEqualTo(404);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(slept).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2));
    }

    @Test
    void anEditWithAFileIsMultipartAndTheFileArrivesIntact() {
        // GIVEN an acknowledged interaction and an answer with a CSV
        PendingInteraction interaction = newInteraction();
        EndToEnd.relayCallback(discord, http, interaction, "{\"type\":5,\"data\":{\"flags\":64}}");
        byte[] csv = "record,value\r\nmessages,42\r\n".getBytes(StandardCharsets.UTF_8);
        MessageBody body = MessageBody.text("Your export").withFiles(List.of(new FileAttachment("export.csv", "text/csv", csv, null)));

        // WHEN it is sent
        FollowUpResult result = new FollowUpSender(DiscordRest.create(discord.restBaseUrl(), Optional.empty())).send(followUp(interaction, body));

        // THEN delivered on the first try, and the message carries the file's exact bytes
        assertThat(result.status()).isEqualTo(FollowUpResult.Status.DELIVERED);
        assertThat(result.attempts()).isEqualTo(1);
        StoredMessage original = discord.recorded().messages().stream().filter(m -> Long.valueOf(interaction.id()).equals(m.interactionId()))
                .findFirst().orElseThrow();
        assertThat(original.attachments()).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("export.csv");
            assertThat(file.bytes()).isEqualTo(csv);
        });
    }

    @Test
    void anEditDiscordRefusesIsReportedAsRejected() {
        // GIVEN an acknowledged interaction and an edit whose content is over Discord's 2000 characters for bots
        PendingInteraction interaction = newInteraction();
        EndToEnd.relayCallback(discord, http, interaction, "{\"type\":5}");
        ObjectNode tooLong = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("content", "x".repeat(2001));

        // WHEN it is sent
        FollowUpResult result = new FollowUpSender(DiscordRest.create(discord.restBaseUrl(), Optional.empty()), Sleeper.SYSTEM, List.of())
                .send(new FollowUp(discord.applicationId(), interaction.token(), tooLong, List.of()));

        // THEN REJECTED with Discord's 400, sent once
        assertThat(result.status()).isEqualTo(FollowUpResult.Status.REJECTED);
        assertThat(result.httpStatus()).isEqualTo(400);
        assertThat(result.attempts()).isEqualTo(1);
    }
}
