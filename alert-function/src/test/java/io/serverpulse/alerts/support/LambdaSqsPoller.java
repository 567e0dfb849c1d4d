package io.serverpulse.alerts.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does for the alert function, as AWS documents it, done here
 * through the real AWS SDK against a queue: receive up to the batch size (a FIFO queue hands out a
 * group's messages in order and none of a group while one is in flight), invoke the handler with the
 * SQS event, then delete the messages the partial batch response does not list. The listed ones (all
 * of them, if the invocation threw) are left alone: they come back after the visibility timeout.
 */
public final class LambdaSqsPoller {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One poll: the message ids received, those the function reported as failed, and whether it threw. */
    public record Poll(List<String> received, List<String> failed, boolean threw) {
        public boolean empty() {
            return received.isEmpty();
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final int batchSize;
    private final AlertRig.Handler handler;

    public LambdaSqsPoller(SqsClient sqs, String queueUrl, int batchSize, AlertRig.Handler handler) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.batchSize = batchSize;
        this.handler = handler;
    }

    public Poll poll() {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        List<String> ids = messages.stream().map(Message::messageId).toList();
        if (messages.isEmpty()) {
            return new Poll(ids, List.of(), false);
        }
        List<SqsEvents.Received> records = new ArrayList<>();
        for (Message m : messages) {
            Map<MessageSystemAttributeName, String> a = m.attributes();
            records.add(new SqsEvents.Received(m.messageId(), m.receiptHandle(), m.body(),
                    a.get(MessageSystemAttributeName.MESSAGE_GROUP_ID), a.get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID),
                    a.get(MessageSystemAttributeName.SEQUENCE_NUMBER),
                    Integer.parseInt(a.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)),
                    Long.parseLong(a.get(MessageSystemAttributeName.SENT_TIMESTAMP))));
        }
        String response;
        try {
            response = AlertRig.invoke(handler, SqsEvents.event(records));
        } catch (RuntimeException e) {
            return new Poll(ids, ids, true);
        }
        List<String> failed = new ArrayList<>();
        try {
            for (JsonNode failure : JSON.readTree(response).path("batchItemFailures")) {
                failed.add(failure.path("itemIdentifier").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size())).receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
        }
        return new Poll(ids, failed, false);
    }
}
