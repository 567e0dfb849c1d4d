package io.serverpulse.collector.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertNoticeJson;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.testing.aws.LocalStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The collector's notices on a real FIFO queue with a dead-letter queue (LocalStack; skipped cleanly
 * where Docker is not available): one guild's notices in order, a repeated send dropped, and a notice
 * that is received {@code maxReceiveCount} times without being deleted moved to the dead-letter queue.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqsAlertPublisherLocalStackTest {

    private static final long GUILD_A = 1217456348762181632L;
    private static final long GUILD_B = 1217456348762181633L;

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse(LocalStack.IMAGE))
            .withServices(LocalStackContainer.Service.SQS);

    private final SqsClient sqs = SqsClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(Region.of(LOCALSTACK.getRegion()))
            .credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @AfterEach
    void close() {
        sqs.close();
    }

    private static AlertNotice opened(long guild, String start) {
        Instant at = Instant.parse(start);
        return AlertNotice.opened(new AlertRecord(AlertRecord.idFor(guild, AlertType.JOIN_RAID, at), guild, AlertType.JOIN_RAID,
                Severity.WARNING, at, null, List.of(), 14, 0.5, "usually 0.5 joins/min, now 14 in 60 s"));
    }

    private String fifoQueue(String name, Map<QueueAttributeName, String> more) {
        Map<QueueAttributeName, String> attributes = new java.util.HashMap<>(more);
        attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    private List<Message> receive(String queueUrl) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(30)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    @Test
    void noticesKeepTheirGuildsOrderRepeatsAreDroppedAndAnUndeliveredNoticeEndsInTheDeadLetterQueue() throws Exception {
        // GIVEN a FIFO queue whose messages go to a FIFO dead-letter queue after 2 receives
        String dlq = fifoQueue("alerts-dlq.fifo", Map.of());
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queue = fifoQueue("alerts.fifo", Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"));
        SqsAlertPublisher publisher = new SqsAlertPublisher(sqs, queue);

        // WHEN guild A's raid opens (sent twice: a retry after a lost answer) and ends, and guild B's raid opens
        AlertNotice aOpened = opened(GUILD_A, "2026-03-03T10:20:00Z");
        publisher.publish(aOpened);
        publisher.publish(aOpened);
        publisher.publish(AlertNotice.ended(aOpened.alert().ended(Instant.parse("2026-03-03T10:27:00Z"))));
        publisher.publish(opened(GUILD_B, "2026-03-03T10:21:00Z"));

        // THEN three messages: guild A's OPENED before its ENDED, each with its group and deduplication id
        List<Message> received = new ArrayList<>();
        for (int i = 0; i < 5 && received.size() < 3; i++) {
            received.addAll(receive(queue));
        }
        assertThat(received).hasSize(3);
        List<Message> groupA = received.stream()
                .filter(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID).equals(Long.toUnsignedString(GUILD_A)))
                .toList();
        assertThat(groupA).extracting(m -> AlertNoticeJson.fromJson(m.body()).kind())
                .containsExactly(AlertNotice.Kind.OPENED, AlertNotice.Kind.ENDED);
        assertThat(groupA.get(0).attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .isEqualTo("1217456348762181632:JOIN_RAID:1772533200000:OPENED");

        // AND WHEN guild B's notice is never deleted (its delivery keeps failing) while the others are
        for (Message m : groupA) {
            sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
        }
        Message b = received.stream().filter(m -> !groupA.contains(m)).findFirst().orElseThrow();
        sqs.changeMessageVisibility(r -> r.queueUrl(queue).receiptHandle(b.receiptHandle()).visibilityTimeout(0));
        List<Message> again = receive(queue);
        assertThat(again).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(b.body()));
        sqs.changeMessageVisibility(r -> r.queueUrl(queue).receiptHandle(again.get(0).receiptHandle()).visibilityTimeout(0));

        // THEN the third receive finds it gone to the dead-letter queue, unchanged
        assertThat(receive(queue)).isEmpty();
        assertThat(receive(dlq)).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(b.body()));
    }
}
