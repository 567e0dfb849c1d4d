package io.serverpulse.collector.alerts;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertQueueMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * AWS mode: sends each alert notice to the alert FIFO queue that {@code alert-function} consumes,
 * as {@link AlertQueueMessage} decides it: the guild id as message group (one guild's notices are
 * delivered in order, one at a time; guilds do not wait for each other), the notice id as
 * deduplication id (a send retried by the {@link AlertDispatcher} after a lost answer is dropped by
 * SQS), {@code AlertNoticeJson} as body. A failed send throws, and the dispatcher retries it.
 */
public final class SqsAlertPublisher implements AlertPublisher, AutoCloseable {

    /** One send, retries included; the dispatcher retries after that. */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(SqsAlertPublisher.class);
    private static final Pattern AWS_QUEUE_HOST = Pattern.compile("sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsAlertPublisher(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    /**
     * A client for the queue's region (read from its URL, so a collector outside AWS needs no
     * AWS_REGION) with the credentials of the environment (the task role, an instance profile, or
     * AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), on the JDK's URL connection.
     */
    public static SqsClient defaultClient(String queueUrl) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .overrideConfiguration(config -> config.apiCallTimeout(API_CALL_TIMEOUT));
        regionOf(queueUrl).ifPresent(builder::region);
        return builder.build();
    }

    /** The region of an AWS queue URL ({@code https://sqs.eu-west-1.amazonaws.com/…}); empty for other hosts. */
    static Optional<Region> regionOf(String queueUrl) {
        String host = URI.create(queueUrl).getHost();
        Matcher matcher = host == null ? null : AWS_QUEUE_HOST.matcher(host);
        return matcher != null && matcher.matches() ? Optional.of(Region.of(matcher.group(1))) : Optional.empty();
    }

    @Override
    public void publish(AlertNotice notice) {
        AlertQueueMessage message = AlertQueueMessage.of(notice);
        SendMessageResponse response = sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageGroupId(message.groupId())
                .messageDeduplicationId(message.deduplicationId())
                .messageBody(message.body()));
        log.info("Queued alert notice {} for guild {} (message {})", message.deduplicationId(), message.groupId(),
                response.messageId());
    }

    @Override
    public void close() {
        sqs.close();
    }
}
