package io.serverpulse.alerts.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.serverpulse.alerts.post.NoticeDelivery;
import io.serverpulse.alerts.queue.NoticeBatch;
import io.serverpulse.aws.secrets.AwsSecrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The alert function, the consumer of the alert FIFO queue the collector sends to: Lambda's SQS event
 * source mapping hands it batches of {@code AlertNoticeJson} messages; each is posted to the guild's
 * update channel, or its message marked as ended ({@link NoticeDelivery}), in queue order, and the
 * function answers with the messages to receive again ({@link NoticeBatch}: a failed notice holds back
 * the later ones of its guild). Handler: {@code io.serverpulse.alerts.lambda.AlertFunction::handleRequest}.
 */
public final class AlertFunction implements RequestStreamHandler {

    private final NoticeBatch batch;

    /** For the Lambda runtime: configuration from the environment (secrets from SSM), MongoDB, Discord's REST API. */
    public AlertFunction() {
        this(AlertWiring.delivery(AwsSecrets.load()));
    }

    public AlertFunction(NoticeDelivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        this.batch = new NoticeBatch(delivery::deliver);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<String> failed = batch.deliver(NoticeBatch.records(input.readAllBytes()));
        output.write(NoticeBatch.response(failed).getBytes(StandardCharsets.UTF_8));
    }
}
