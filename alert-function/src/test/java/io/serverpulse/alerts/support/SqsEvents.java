package io.serverpulse.alerts.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The event Lambda's SQS event source mapping invokes a function with, field for field as Lambda
 * writes it (see {@code src/test/resources/sqs/event-two-guilds.json}, in the format of AWS's
 * documented example): {@code Records} with {@code messageId}, {@code receiptHandle}, {@code body},
 * {@code attributes} (FIFO: {@code MessageGroupId}, {@code MessageDeduplicationId},
 * {@code SequenceNumber}), {@code md5OfBody}, {@code eventSource}, {@code eventSourceARN}, {@code awsRegion}.
 */
public final class SqsEvents {

    public static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:serverpulse-alerts.fifo";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as received from the queue. */
    public record Received(String messageId, String receiptHandle, String body, String groupId, String deduplicationId,
                           String sequenceNumber, int receiveCount, long sentMillis) {
    }

    private SqsEvents() {
    }

    public static byte[] event(List<Received> messages) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (Received m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode a = r.putObject("attributes");
            a.put("ApproximateReceiveCount", Integer.toString(m.receiveCount()));
            a.put("SentTimestamp", Long.toString(m.sentMillis()));
            a.put("SequenceNumber", m.sequenceNumber());
            a.put("MessageGroupId", m.groupId());
            a.put("SenderId", "AROAEXAMPLECOLLECTOR:collector");
            a.put("MessageDeduplicationId", m.deduplicationId());
            a.put("ApproximateFirstReceiveTimestamp", Long.toString(m.sentMillis() + 5));
            r.putObject("messageAttributes");
            r.put("md5OfBody", md5(m.body()));
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", QUEUE_ARN);
            r.put("awsRegion", "us-east-1");
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An event of one message per body, all of one guild's group, as first receives. */
    public static byte[] event(String groupId, byte[]... bodies) {
        List<Received> messages = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            String body = new String(bodies[i], StandardCharsets.UTF_8);
            messages.add(new Received("5c2b3e1f-0000-4000-8000-00000000000" + i, "AQEB-receipt-" + i, body, groupId,
                    "dedup-" + i, "1884949646046769612" + i, 1, 1_772_533_260_000L + i));
        }
        return event(messages);
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
