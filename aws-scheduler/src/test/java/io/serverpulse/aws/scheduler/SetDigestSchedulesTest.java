package io.serverpulse.aws.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.FollowUp;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.digest.ChannelNames;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.common.testing.aws.SchedulerStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * {@code /set-digest} in the AWS mode, through the command core with the real scheduler client against a local
 * endpoint standing in for EventBridge Scheduler: the settings are saved at once, the answer is deferred, and
 * the worker creates, updates or deletes the guild's schedule before saying when the digest comes.
 */
class SetDigestSchedulesTest {

    private static final long GUILD = 1176201535215009852L;
    private static final String GROUP = "serverpulse-digests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchedulerStandIn scheduler = new SchedulerStandIn();
    private final SchedulerClient client = SchedulerClient.builder()
            .endpointOverride(scheduler.endpoint())
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSERVERPULSETEST", "test-secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private final InMemoryStore store = new InMemoryStore();
    private final InteractionHandler handler = new InteractionHandler(store, CommandRegistry.standard(Optional.empty(), false,
            AiEndpoints.defaults(), ChannelNames.NONE, Optional.of(new EventBridgeDigestSchedules(client,
                    new EventBridgeDigestSchedules.Target(GROUP, "arn:aws:lambda:eu-west-1:1:function:digests",
                            "arn:aws:iam::1:role/scheduler")))),
            Clock.fixed(Instant.parse("2026-11-28T18:30:00Z"), ZoneOffset.UTC));

    @AfterEach
    void close() {
        client.close();
        scheduler.close();
    }

    private static String setDigest(String options) throws IOException {
        try (InputStream in = SetDigestSchedulesTest.class.getResourceAsStream("/interactions/set-digest.json")) {
            ObjectNode interaction = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) interaction.get("data")).set("options", JSON.readTree(options));
            return interaction.toString();
        }
    }

    private String run(String options) throws IOException {
        InteractionOutcome outcome = handler.handle(setDigest(options));
        assertThat(outcome).isInstanceOf(InteractionOutcome.Defer.class);
        InteractionOutcome.Defer defer = (InteractionOutcome.Defer) outcome;
        assertThat(defer.response().type()).isEqualTo(InteractionResponse.DEFERRED_CHANNEL_MESSAGE);
        FollowUp edit = handler.completeDeferred(defer.work());
        return edit.body().path("content").asText();
    }

    @Test
    void weeklyInBerlinCreatesTheScheduleAndTurningItOffDeletesIt() throws IOException {
        // GIVEN / WHEN an admin sets weekly digests in Berlin
        String answer = run("[{\"name\":\"frequency\",\"type\":3,\"value\":\"weekly\"},"
                + "{\"name\":\"timezone\",\"type\":3,\"value\":\"Europe/Berlin\"}]");

        // THEN the settings are saved, the schedule exists in the guild's zone, and the answer says when
        assertThat(store.settings(GUILD).digest()).isEqualTo(DigestFrequency.WEEKLY);
        assertThat(scheduler.schedule(GROUP, "digest-" + GUILD).path("ScheduleExpression").asText()).isEqualTo("cron(10 3 ? * MON *)");
        assertThat(scheduler.schedule(GROUP, "digest-" + GUILD).path("ScheduleExpressionTimezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(answer).isEqualTo("🕒 Time zone: **Europe/Berlin**.\n✅ A digest of the week before (Monday to Sunday) will be"
                + " posted every Monday at 3:10 AM (Europe/Berlin).");

        // WHEN the admin turns digests off
        String off = run("[{\"name\":\"frequency\",\"type\":3,\"value\":\"none\"}]");

        // THEN the schedule is deleted
        assertThat(off).isEqualTo("✅ Digests are off.");
        assertThat(scheduler.size()).isZero();
        assertThat(scheduler.requests()).extracting(r -> r.method()).containsExactly("POST", "DELETE");
    }

    @Test
    void whenTheSchedulerCannotBeReachedTheSettingsAreSavedAndTheAnswerSaysTheScheduleFollows() throws IOException {
        // GIVEN EventBridge Scheduler unreachable
        scheduler.close();

        // WHEN an admin sets daily digests
        String answer = run("[{\"name\":\"frequency\",\"type\":3,\"value\":\"daily\"}]");

        // THEN the choice is kept and the admin is told the schedule follows within a day (the daily sync)
        assertThat(store.settings(GUILD).digest()).isEqualTo(DigestFrequency.DAILY);
        assertThat(answer).startsWith("✅ A digest of the day before will be posted every day at 12:10 AM (UTC).")
                .endsWith("⚠️ The schedule could not be updated right now; it will be within a day.");
    }
}
