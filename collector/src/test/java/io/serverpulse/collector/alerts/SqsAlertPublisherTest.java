package io.serverpulse.collector.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.collector.support.AwsClients;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.testing.aws.AwsJsonStandIn;
import io.serverpulse.common.testing.aws.SqsStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The AWS alert sink, through the real AWS SDK v2, against a local endpoint standing in for SQS. */
class SqsAlertPublisherTest {

    private static final long GUILD = 1217456348762181632L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsStandIn sqs = new SqsStandIn();
    private final String queueUrl = sqs.createQueue("serverpulse-alerts.fifo", Duration.ofMinutes(9));
    private final SqsClient client = AwsClients.sqs(sqs);
    private final SqsAlertPublisher publisher = new SqsAlertPublisher(client, queueUrl);

    @AfterEach
    void close() {
        publisher.close();
        sqs.close();
    }

    private static AlertNotice raidOpened() {
        Instant start = Instant.parse("2026-03-03T10:20:00Z");
        return AlertNotice.opened(new AlertRecord(AlertRecord.idFor(GUILD, AlertType.JOIN_RAID, start), GUILD,
                AlertType.JOIN_RAID, Severity.WARNING, start, null, List.of(), 14, 0.5, "usually 0.5 joins/min, now 14 in 60 s"));
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = SqsAlertPublisherTest.class.getResourceAsStream("/alerts/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void anAlertBecomesOneSignedSendMessageWithTheGuildAsGroupAndTheNoticeAsDeduplicationId() throws Exception {
        // GIVEN the publisher of the AWS mode
        // WHEN a join raid opens
        publisher.publish(raidOpened());

        // THEN SQS got one SendMessage in the AWS JSON protocol, SigV4-signed for sqs
        assertThat(sqs.requests()).hasSize(1);
        AwsJsonStandIn.Request send = sqs.requests().get(0);
        assertThat(send.method()).isEqualTo("POST");
        assertThat(send.path()).isEqualTo("/");
        assertThat(send.header("X-Amz-Target")).isEqualTo("AmazonSQS.SendMessage");
        assertThat(send.header("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(send.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=" + AwsClients.ACCESS_KEY + "/")
                .contains("/us-east-1/sqs/aws4_request");
        // AND its input: the queue, the guild as message group, the notice id as deduplication id, the documented payload
        JsonNode input = send.json();
        assertThat(input.path("QueueUrl").asText()).isEqualTo(queueUrl);
        assertThat(input.path("MessageGroupId").asText()).isEqualTo("1217456348762181632");
        assertThat(input.path("MessageDeduplicationId").asText()).isEqualTo("1217456348762181632:JOIN_RAID:1772533200000:OPENED");
        assertThat(JSON.readTree(input.path("MessageBody").asText())).isEqualTo(fixture("notice-raid-opened.json"));
        assertThat(sqs.messages("serverpulse-alerts.fifo")).hasSize(1);
    }

    @Test
    void aSendRepeatedAfterALostAnswerIsOneMessageInTheQueue() throws Exception {
        // GIVEN a notice already sent (the dispatcher did not see the answer)
        publisher.publish(raidOpened());

        // WHEN it is sent again within SQS's five-minute deduplication window
        sqs.advance(Duration.ofSeconds(30));
        publisher.publish(raidOpened());

        // THEN both sends succeed and the queue holds one message
        assertThat(sqs.requests("SendMessage")).hasSize(2);
        assertThat(sqs.messages("serverpulse-alerts.fifo")).singleElement()
                .satisfies(m -> assertThat(m.deduplicationId()).endsWith(":OPENED"));
    }

    @Test
    void anIncidentsTwoNoticesAreTwoMessagesOfTheSameGroupInOrder() throws Exception {
        // GIVEN / WHEN a raid opens and ends
        AlertNotice opened = raidOpened();
        publisher.publish(opened);
        publisher.publish(AlertNotice.ended(opened.alert().ended(Instant.parse("2026-03-03T10:27:00Z"))));

        // THEN two messages of the guild's group, OPENED first
        assertThat(sqs.messages("serverpulse-alerts.fifo")).extracting(SqsStandIn.Message::groupId, SqsStandIn.Message::deduplicationId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1217456348762181632", "1217456348762181632:JOIN_RAID:1772533200000:OPENED"),
                        org.assertj.core.groups.Tuple.tuple("1217456348762181632", "1217456348762181632:JOIN_RAID:1772533200000:ENDED"));
    }

    @Test
    void aServerErrorIsRetriedByTheSdkAndAMissingQueueIsThrownForTheDispatcher() throws Exception {
        // GIVEN SQS answers the next request with a 500
        sqs.failNext(500, "InternalError", "We encountered an internal error. Please try again.");

        // WHEN a notice is published / THEN the SDK retried it: one message
        publisher.publish(raidOpened());
        assertThat(sqs.requests("SendMessage")).hasSize(2);
        assertThat(sqs.messages("serverpulse-alerts.fifo")).hasSize(1);

        // AND a queue that does not exist is an exception the dispatcher logs and retries
        try (SqsAlertPublisher wrongQueue = new SqsAlertPublisher(AwsClients.sqs(sqs), sqs.url("deleted.fifo"))) {
            assertThatThrownBy(() -> wrongQueue.publish(raidOpened())).isInstanceOf(QueueDoesNotExistException.class);
        }
    }

    @Test
    void theDefaultClientTakesItsRegionFromTheQueueUrl() {
        // GIVEN / WHEN / THEN an AWS queue URL names its region; another host (LocalStack, a stand-in) leaves it to the environment
        assertThat(SqsAlertPublisher.regionOf("https://sqs.eu-west-1.amazonaws.com/123456789012/serverpulse-alerts.fifo"))
                .contains(Region.EU_WEST_1);
        assertThat(SqsAlertPublisher.regionOf(queueUrl)).isEmpty();
    }
}
