package io.serverpulse.alerts.queue;

import static io.serverpulse.alerts.support.AlertRig.GUILD;
import static io.serverpulse.alerts.support.AlertRig.OTHER_GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.alerts.lambda.AlertFunction;
import io.serverpulse.alerts.lambda.AlertWiringAccess;
import io.serverpulse.alerts.support.AlertRig;
import io.serverpulse.alerts.support.LambdaSqsPoller;
import io.serverpulse.alerts.support.TemplateFile;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertNoticeJson;
import io.serverpulse.common.alerts.AlertQueueMessage;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.testing.aws.SqsStandIn;
import io.serverpulse.emulator.state.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The alert queue end to end, with template.yaml's queue settings (visibility timeout, maxReceiveCount,
 * batch size): notices sent as the collector sends them (the real SDK against a local endpoint standing
 * in for SQS FIFO), received and deleted as Lambda's event source mapping does, delivered by the alert
 * function to the emulated Discord. What an admin sees: each guild's alert posted, then edited when it
 * ended, never out of order, and a notice that cannot be delivered held in the dead-letter queue.
 */
class AlertQueueTest {

    private static final String QUEUE = "serverpulse-alerts.fifo";
    private static final String DEAD_LETTERS = "serverpulse-alerts-dlq.fifo";
    /** Discord's 429s in a row after which the REST client gives up a call (a delivery that a later receive may retry). */
    private static final int REFUSALS_PER_DELIVERY = DiscordRest.MAX_RATE_LIMITED + 1;

    private final AlertRig rig = new AlertRig(List.of(GUILD, OTHER_GUILD), builder -> builder);
    private final SqsStandIn sqs = new SqsStandIn();
    private final SqsClient client = SqsClient.builder()
            .endpointOverride(sqs.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSERVERPULSETEST", "test-secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private final String queueUrl;
    private final AlertFunction function = new AlertFunction(AlertWiringAccess.delivery(rig.config()));

    AlertQueueTest() {
        sqs.createQueue(DEAD_LETTERS, TemplateFile.queueVisibilityTimeout());
        queueUrl = sqs.createQueue(QUEUE, TemplateFile.queueVisibilityTimeout(), DEAD_LETTERS, TemplateFile.maxReceiveCount());
    }

    @AfterEach
    void close() {
        client.close();
        sqs.close();
        rig.close();
    }

    private static AlertNotice fixture(String name) {
        return AlertNoticeJson.fromJson(new String(AlertRig.resource("alerts/" + name), StandardCharsets.UTF_8));
    }

    private static AlertNotice otherGuildRaid() {
        Instant start = Instant.parse("2026-03-03T10:21:00Z");
        return AlertNotice.opened(new AlertRecord(AlertRecord.idFor(OTHER_GUILD, AlertType.JOIN_RAID, start), OTHER_GUILD,
                AlertType.JOIN_RAID, Severity.WARNING, start, null, List.of(), 9, 0.5, "usually 0.5 joins/min, now 9 in 60 s"));
    }

    /** As the collector's SqsAlertPublisher sends a notice. */
    private void send(AlertNotice notice) {
        AlertQueueMessage message = AlertQueueMessage.of(notice);
        client.sendMessage(b -> b.queueUrl(queueUrl).messageGroupId(message.groupId())
                .messageDeduplicationId(message.deduplicationId()).messageBody(message.body()));
    }

    /** Discord keeps answering 429 until the REST client gives up, for this many delivery attempts (then it recovers). */
    private void refuseDeliveries(int attempts) {
        rig.discord().rateLimitGlobally(Duration.ofMillis(20), REFUSALS_PER_DELIVERY * attempts);
    }

    private LambdaSqsPoller poller(int batchSize) {
        return new LambdaSqsPoller(client, queueUrl, batchSize, function::handleRequest);
    }

    /** Polls until a poll receives nothing; returns the polls that received something. */
    private static List<LambdaSqsPoller.Poll> drain(LambdaSqsPoller poller) {
        List<LambdaSqsPoller.Poll> polls = new ArrayList<>();
        for (LambdaSqsPoller.Poll poll = poller.poll(); !poll.empty(); poll = poller.poll()) {
            polls.add(poll);
        }
        return polls;
    }

    private List<StoredMessage> alertsOf(long guild) {
        return rig.updateChannel(guild).map(rig::messages).orElse(List.of());
    }

    private static String title(StoredMessage message) {
        return AlertRig.embed(message).path("title").asText();
    }

    @Test
    void eachGuildsNoticesArePostedThenEditedAndLeaveTheQueue() {
        // GIVEN guild A's raid opened, guild B's raid opened, guild A's raid ended, sent in that order
        send(fixture("notice-raid-opened.json"));
        send(otherGuildRaid());
        send(fixture("notice-raid-ended.json"));

        // WHEN Lambda polls with the template's batch size until the queue is empty
        List<LambdaSqsPoller.Poll> polls = drain(poller(TemplateFile.batchSize()));

        // THEN nothing failed, each guild has one alert message, guild A's edited to say it ended
        assertThat(polls).allSatisfy(p -> assertThat(p.failed()).isEmpty());
        assertThat(alertsOf(GUILD)).singleElement().satisfies(m -> assertThat(title(m)).isEqualTo("✅ Join raid — ended"));
        assertThat(alertsOf(OTHER_GUILD)).singleElement().satisfies(m -> assertThat(title(m)).isEqualTo("🚨 Join raid"));
        // AND the queue and its dead-letter queue are empty
        assertThat(sqs.messages(QUEUE)).isEmpty();
        assertThat(sqs.messages(DEAD_LETTERS)).isEmpty();
    }

    @Test
    void aFailedNoticeHoldsBackItsGuildUntilItIsRedeliveredWhileOtherGuildsGoOn() {
        // GIVEN guild A's two notices and guild B's, and Discord refusing the next delivery attempt
        send(fixture("notice-raid-opened.json"));
        send(otherGuildRaid());
        send(fixture("notice-raid-ended.json"));
        refuseDeliveries(1);
        LambdaSqsPoller lambda = poller(TemplateFile.batchSize());

        // WHEN Lambda polls until nothing is handed out
        List<LambdaSqsPoller.Poll> first = drain(lambda);

        // THEN guild A's OPENED failed and stays in the queue, guild B's alert was posted,
        // and guild A's ENDED was not handed out at all: nothing is posted for guild A yet
        assertThat(first).extracting(p -> p.failed().size()).containsExactly(1, 0);
        assertThat(alertsOf(OTHER_GUILD)).hasSize(1);
        assertThat(alertsOf(GUILD)).isEmpty();
        assertThat(sqs.messages(QUEUE)).extracting(m -> AlertNoticeJson.fromJson(m.body()).kind())
                .containsExactly(AlertNotice.Kind.OPENED, AlertNotice.Kind.ENDED);

        // AND WHEN the visibility timeout has passed and Lambda polls again
        sqs.advance(TemplateFile.queueVisibilityTimeout());
        List<LambdaSqsPoller.Poll> second = drain(lambda);

        // THEN guild A's alert is posted, then edited: in order, once, and the queue is empty
        assertThat(second).allSatisfy(p -> assertThat(p.failed()).isEmpty());
        assertThat(alertsOf(GUILD)).singleElement().satisfies(m -> assertThat(title(m)).isEqualTo("✅ Join raid — ended"));
        assertThat(sqs.messages(QUEUE)).isEmpty();
    }

    @Test
    void withSeveralNoticesInOneBatchAFailureReportsTheLaterNoticesOfItsGuildUntried() {
        // GIVEN the same three notices, a batch of ten (more than the template's), and Discord refusing the next delivery
        send(fixture("notice-raid-opened.json"));
        send(otherGuildRaid());
        send(fixture("notice-raid-ended.json"));
        refuseDeliveries(1);

        // WHEN one batch holds all three
        LambdaSqsPoller.Poll poll = poller(10).poll();

        // THEN the function reports guild A's OPENED and its ENDED, which was not tried (Discord had recovered: it would
        // have been posted); guild B's alert was posted
        assertThat(poll.received()).hasSize(3);
        assertThat(poll.failed()).containsExactly(poll.received().get(0), poll.received().get(2));
        assertThat(alertsOf(OTHER_GUILD)).hasSize(1);
        assertThat(alertsOf(GUILD)).isEmpty();
        assertThat(rig.discord().recorded().requests()).filteredOn(r -> r.status() == 429).hasSize(REFUSALS_PER_DELIVERY);

        // AND after the visibility timeout both come back in order and are delivered
        sqs.advance(TemplateFile.queueVisibilityTimeout());
        LambdaSqsPoller.Poll again = poller(10).poll();
        assertThat(again.received()).containsExactly(poll.failed().toArray(String[]::new));
        assertThat(again.failed()).isEmpty();
        assertThat(alertsOf(GUILD)).singleElement().satisfies(m -> assertThat(title(m)).isEqualTo("✅ Join raid — ended"));
    }

    @Test
    void aNoticeThatKeepsFailingGoesToTheDeadLetterQueueAndItsGuildsNextNoticeFollows() {
        // GIVEN guild A's two notices and Discord refusing every attempt at the first one
        send(fixture("notice-raid-opened.json"));
        send(fixture("notice-raid-ended.json"));
        int attempts = TemplateFile.maxReceiveCount();
        refuseDeliveries(attempts);
        LambdaSqsPoller lambda = poller(TemplateFile.batchSize());

        // WHEN Lambda polls, the visibility timeout passing after each failed receive
        List<LambdaSqsPoller.Poll> polls = new ArrayList<>();
        for (int i = 0; i < attempts + 1; i++) {
            polls.addAll(drain(lambda));
            sqs.advance(TemplateFile.queueVisibilityTimeout());
        }

        // THEN the OPENED notice failed maxReceiveCount times and was moved, unchanged, to the dead-letter queue
        assertThat(polls).filteredOn(p -> !p.failed().isEmpty()).hasSize(attempts);
        assertThat(sqs.messages(DEAD_LETTERS)).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo(AlertQueueMessage.of(fixture("notice-raid-opened.json")).body());
            assertThat(m.groupId()).isEqualTo(Long.toUnsignedString(GUILD));
        });
        // AND the guild's ENDED followed: Discord shows the raid as one message saying it ended
        List<StoredMessage> shown = alertsOf(GUILD);
        assertThat(shown).singleElement().satisfies(m -> {
            JsonNode embed = AlertRig.embed(m);
            assertThat(embed.path("title").asText()).isEqualTo("✅ Join raid — ended");
            assertThat(embed.path("footer").path("text").asText()).isEqualTo("ServerPulse alert 1217456348762181632:JOIN_RAID:1772533200000");
        });
        assertThat(sqs.messages(QUEUE)).isEmpty();
    }
}
