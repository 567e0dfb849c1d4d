package io.serverpulse.common.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Amazon SQS on a local port (AWS JSON 1.0, as the SDK speaks it since 2.21), with the FIFO queue
 * semantics ServerPulse's alert delivery relies on, as SQS documents them:
 *
 * <ul>
 *   <li>{@code SendMessage} needs a {@code MessageGroupId} on a {@code .fifo} queue; a
 *       {@code MessageDeduplicationId} sent again within five minutes is accepted and dropped (the
 *       first message's id is returned);</li>
 *   <li>{@code ReceiveMessage} returns visible messages in send order, never one of a group while
 *       an earlier message of that group is in flight (received, not deleted, visibility not
 *       expired); each receive counts in {@code ApproximateReceiveCount};</li>
 *   <li>a message that was already received {@code maxReceiveCount} times and is visible again is
 *       moved to the queue's dead-letter queue instead of being returned (its message id becoming its
 *       deduplication id there);</li>
 *   <li>{@code DeleteMessage}, {@code DeleteMessageBatch}, {@code ChangeMessageVisibility} and
 *       {@code GetQueueAttributes} ({@code ApproximateNumberOfMessages…}).</li>
 * </ul>
 *
 * Time only moves when the test says so ({@link #advance}), so visibility timeouts and the
 * deduplication window are exact. MD5 digests are computed as SQS computes them (the SDK checks them).
 */
public final class SqsStandIn extends AwsJsonStandIn {

    public static final String ACCOUNT = "000000000000";
    public static final String REGION = "us-east-1";
    private static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);

    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private Instant now = Instant.parse("2026-03-03T10:00:00Z");
    private long sequence = 18_849_496_460_000L;

    /** One stored message. */
    public static final class Message {
        final String id = UUID.randomUUID().toString();
        final String body;
        final String groupId;
        final String deduplicationId;
        final long sequenceNumber;
        final Instant sent;
        Instant firstReceived;
        Instant visibleAt;
        String receiptHandle;
        int receiveCount;

        Message(String body, String groupId, String deduplicationId, long sequenceNumber, Instant sent) {
            this.body = body;
            this.groupId = groupId;
            this.deduplicationId = deduplicationId;
            this.sequenceNumber = sequenceNumber;
            this.sent = sent;
            this.visibleAt = sent;
        }

        public String body() {
            return body;
        }

        public String groupId() {
            return groupId;
        }

        public String deduplicationId() {
            return deduplicationId;
        }

        public int receiveCount() {
            return receiveCount;
        }
    }

    private final class Queue {
        final String name;
        final Duration visibilityTimeout;
        final String deadLetterQueue;
        final int maxReceiveCount;
        final List<Message> messages = new ArrayList<>();
        final Map<String, Instant> deduplication = new HashMap<>();
        final Map<String, String> deduplicatedIds = new HashMap<>();

        Queue(String name, Duration visibilityTimeout, String deadLetterQueue, int maxReceiveCount) {
            this.name = name;
            this.visibilityTimeout = visibilityTimeout;
            this.deadLetterQueue = deadLetterQueue;
            this.maxReceiveCount = maxReceiveCount;
        }

        boolean fifo() {
            return name.endsWith(".fifo");
        }
    }

    public SqsStandIn() {
        super("AmazonSQS", "application/x-amz-json-1.0");
    }

    /** A FIFO queue without a dead-letter queue; returns its URL. */
    public synchronized String createQueue(String name, Duration visibilityTimeout) {
        return createQueue(name, visibilityTimeout, null, 0);
    }

    /** A queue whose messages go to {@code deadLetterQueue} (created before) after {@code maxReceiveCount} receives. */
    public synchronized String createQueue(String name, Duration visibilityTimeout, String deadLetterQueue, int maxReceiveCount) {
        if (deadLetterQueue != null && !queues.containsKey(deadLetterQueue)) {
            throw new IllegalArgumentException("create the dead-letter queue first: " + deadLetterQueue);
        }
        queues.put(name, new Queue(name, visibilityTimeout, deadLetterQueue, maxReceiveCount));
        return url(name);
    }

    public String url(String name) {
        return endpoint() + "/" + ACCOUNT + "/" + name;
    }

    public static String arn(String name) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    /** Moves the stand-in's time on: visibility timeouts and the deduplication window expire. */
    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    public synchronized Instant now() {
        return now;
    }

    /** What a queue holds now (visible or in flight), in send order. */
    public synchronized List<Message> messages(String name) {
        return List.copyOf(queue(name).messages);
    }

    private Queue queue(String name) {
        Queue queue = queues.get(name);
        if (queue == null) {
            throw new IllegalArgumentException("no queue " + name);
        }
        return queue;
    }

    private Queue byUrl(JsonNode input) {
        String url = input.path("QueueUrl").asText();
        String name = url.substring(url.lastIndexOf('/') + 1);
        Queue queue = queues.get(name);
        if (queue == null || !url.equals(url(name))) {
            throw new ServiceError(400, "com.amazonaws.sqs#QueueDoesNotExist", "The specified queue does not exist.");
        }
        return queue;
    }

    @Override
    protected JsonNode handle(String operation, JsonNode input) {
        return switch (operation) {
            case "SendMessage" -> send(byUrl(input), input);
            case "ReceiveMessage" -> receive(byUrl(input), input);
            case "DeleteMessage" -> {
                delete(byUrl(input), input.path("ReceiptHandle").asText());
                yield JSON.createObjectNode();
            }
            case "DeleteMessageBatch" -> deleteBatch(byUrl(input), input);
            case "ChangeMessageVisibility" -> {
                Queue queue = byUrl(input);
                Message message = inFlight(queue, input.path("ReceiptHandle").asText());
                message.visibleAt = now.plusSeconds(input.path("VisibilityTimeout").asInt());
                yield JSON.createObjectNode();
            }
            case "GetQueueAttributes" -> attributes(byUrl(input));
            default -> throw new ServiceError(400, "com.amazonaws.sqs#UnsupportedOperation", operation);
        };
    }

    private JsonNode send(Queue queue, JsonNode input) {
        String body = input.path("MessageBody").asText();
        String group = input.hasNonNull("MessageGroupId") ? input.get("MessageGroupId").asText() : null;
        String dedup = input.hasNonNull("MessageDeduplicationId") ? input.get("MessageDeduplicationId").asText() : null;
        if (queue.fifo() && group == null) {
            throw new ServiceError(400, "com.amazonaws.sqs#MissingParameter",
                    "The request must contain the parameter MessageGroupId.");
        }
        if (queue.fifo() && dedup == null) {
            throw new ServiceError(400, "com.amazonaws.sqs#InvalidParameterValue", "The queue should either have"
                    + " ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("MD5OfMessageBody", md5(body));
        Instant seen = dedup == null ? null : queue.deduplication.get(dedup);
        if (seen != null && now.isBefore(seen.plus(DEDUPLICATION_WINDOW))) {
            out.put("MessageId", queue.deduplicatedIds.get(dedup));
            out.put("SequenceNumber", Long.toString(sequence));
            return out;
        }
        Message message = new Message(body, group, dedup, ++sequence, now);
        queue.messages.add(message);
        if (dedup != null) {
            queue.deduplication.put(dedup, now);
            queue.deduplicatedIds.put(dedup, message.id);
        }
        out.put("MessageId", message.id);
        if (queue.fifo()) {
            out.put("SequenceNumber", Long.toString(message.sequenceNumber));
        }
        return out;
    }

    private JsonNode receive(Queue queue, JsonNode input) {
        int max = input.path("MaxNumberOfMessages").asInt(1);
        if (max < 1 || max > 10) {
            throw new ServiceError(400, "com.amazonaws.sqs#InvalidParameterValue", "MaxNumberOfMessages must be 1 to 10");
        }
        Set<String> lockedGroups = new HashSet<>();
        for (Message m : queue.messages) {
            if (m.groupId != null && m.visibleAt.isAfter(now)) {
                lockedGroups.add(m.groupId);
            }
        }
        List<Message> batch = new ArrayList<>();
        for (Message m : new ArrayList<>(queue.messages)) {
            if (batch.size() == max) {
                break;
            }
            if (m.visibleAt.isAfter(now) || (queue.fifo() && lockedGroups.contains(m.groupId))) {
                continue;
            }
            if (queue.deadLetterQueue != null && m.receiveCount >= queue.maxReceiveCount) {
                queue.messages.remove(m);
                // SQS gives a message moved to a FIFO dead-letter queue its message id as deduplication id
                Message moved = new Message(m.body, m.groupId, m.id, ++sequence, m.sent);
                queues.get(queue.deadLetterQueue).messages.add(moved);
                continue;
            }
            m.receiveCount++;
            if (m.firstReceived == null) {
                m.firstReceived = now;
            }
            m.visibleAt = now.plus(queue.visibilityTimeout);
            m.receiptHandle = UUID.randomUUID() + "#" + m.receiveCount;
            batch.add(m);
        }
        // a group whose earlier message was not returned stays locked for this receive too
        ObjectNode out = JSON.createObjectNode();
        ArrayNode messages = out.putArray("Messages");
        for (Message m : batch) {
            ObjectNode node = messages.addObject();
            node.put("MessageId", m.id);
            node.put("ReceiptHandle", m.receiptHandle);
            node.put("MD5OfBody", md5(m.body));
            node.put("Body", m.body);
            ObjectNode attributes = node.putObject("Attributes");
            attributes.put("SenderId", "AIDASTANDIN");
            attributes.put("SentTimestamp", Long.toString(m.sent.toEpochMilli()));
            attributes.put("ApproximateReceiveCount", Integer.toString(m.receiveCount));
            attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceived.toEpochMilli()));
            if (m.groupId != null) {
                attributes.put("MessageGroupId", m.groupId);
                attributes.put("MessageDeduplicationId", m.deduplicationId);
                attributes.put("SequenceNumber", Long.toString(m.sequenceNumber));
            }
        }
        return out;
    }

    private Message inFlight(Queue queue, String receiptHandle) {
        return queue.messages.stream().filter(m -> receiptHandle.equals(m.receiptHandle)).findFirst()
                .orElseThrow(() -> new ServiceError(400, "com.amazonaws.sqs#ReceiptHandleIsInvalid",
                        "The input receipt handle \"" + receiptHandle + "\" is not a valid receipt handle."));
    }

    private void delete(Queue queue, String receiptHandle) {
        queue.messages.remove(inFlight(queue, receiptHandle));
    }

    private JsonNode deleteBatch(Queue queue, JsonNode input) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode ok = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        for (JsonNode entry : input.path("Entries")) {
            try {
                delete(queue, entry.path("ReceiptHandle").asText());
                ok.addObject().put("Id", entry.path("Id").asText());
            } catch (ServiceError e) {
                ObjectNode f = failed.addObject();
                f.put("Id", entry.path("Id").asText());
                f.put("Code", "ReceiptHandleIsInvalid");
                f.put("SenderFault", true);
            }
        }
        return out;
    }

    private JsonNode attributes(Queue queue) {
        long visible = queue.messages.stream().filter(m -> !m.visibleAt.isAfter(now)).count();
        ObjectNode out = JSON.createObjectNode();
        ObjectNode attributes = out.putObject("Attributes");
        attributes.put("ApproximateNumberOfMessages", Long.toString(visible));
        attributes.put("ApproximateNumberOfMessagesNotVisible", Long.toString(queue.messages.size() - visible));
        attributes.put("QueueArn", arn(queue.name));
        attributes.put("FifoQueue", Boolean.toString(queue.fifo()));
        return out;
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
