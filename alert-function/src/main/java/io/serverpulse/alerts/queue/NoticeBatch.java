package io.serverpulse.alerts.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of the alert FIFO queue, as Lambda's SQS event source mapping hands it over (the
 * {@code Records} of an SQS event, in queue order), answered with a partial batch response
 * ({@code ReportBatchItemFailures}): {@code {"batchItemFailures":[{"itemIdentifier":"<messageId>"}]}}.
 * Lambda deletes the messages not listed; the listed ones become visible again after the queue's
 * visibility timeout and count one more receive (after {@code maxReceiveCount} receives SQS moves a
 * message to the dead-letter queue).
 *
 * <p>Order within a guild: the records are delivered one after another, and once a record of a
 * message group (a guild) fails, every later record of that group in the batch is listed as failed
 * without being tried, so that a guild's ENDED is never posted before its OPENED and the group
 * resumes, later, at the notice that failed. Other guilds' records go on. A record whose delivery
 * returns normally is done, including one that was dropped on purpose (a malformed payload, a
 * notice Discord refuses: retrying cannot help).
 */
public final class NoticeBatch {

    /** Hands one notice's body on; returns when it is done, throws when a later attempt may succeed. */
    @FunctionalInterface
    public interface Delivery {
        void deliver(byte[] body);
    }

    /** One SQS record: its message id, message group (the guild), receive count and body. */
    public record Record(String messageId, String groupId, int receiveCount, String body) {
        public Record {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(body, "body");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(NoticeBatch.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Delivery delivery;

    public NoticeBatch(Delivery delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    /**
     * The records of an SQS event.
     *
     * @throws IllegalArgumentException when the input is not an SQS event (the whole invocation fails)
     */
    public static List<Record> records(byte[] event) {
        JsonNode root;
        try {
            root = JSON.readTree(event);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an SQS event: invalid JSON");
        }
        if (root == null || !root.path("Records").isArray()) {
            throw new IllegalArgumentException("not an SQS event: no Records");
        }
        List<Record> records = new ArrayList<>();
        for (JsonNode record : root.path("Records")) {
            String id = record.path("messageId").asText("");
            if (id.isEmpty() || !record.path("body").isTextual()) {
                throw new IllegalArgumentException("not an SQS event: a record without messageId or body");
            }
            JsonNode attributes = record.path("attributes");
            String group = attributes.path("MessageGroupId").isTextual() ? attributes.path("MessageGroupId").asText() : null;
            records.add(new Record(id, group, attributes.path("ApproximateReceiveCount").asInt(1), record.path("body").asText()));
        }
        return records;
    }

    /** Delivers the records in order; returns the message ids to report as failed (to be received again). */
    public List<String> deliver(List<Record> records) {
        List<String> failed = new ArrayList<>();
        Set<String> stoppedGroups = new HashSet<>();
        for (Record record : records) {
            // a record without a group (a standard queue) stops nothing but itself
            String group = record.groupId() == null ? "message " + record.messageId() : record.groupId();
            if (stoppedGroups.contains(group)) {
                failed.add(record.messageId());
                log.info("Alert notice message {} of group {} held back behind an earlier failed notice", record.messageId(), group);
                continue;
            }
            try {
                delivery.deliver(record.body().getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                failed.add(record.messageId());
                stoppedGroups.add(group);
                log.warn("Alert notice message {} of group {} not delivered (receive {}), returned to the queue: {}",
                        record.messageId(), group, record.receiveCount(), e.toString());
            }
        }
        return failed;
    }

    /** The partial batch response Lambda reads. */
    public static String response(List<String> failedMessageIds) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode failures = root.putArray("batchItemFailures");
        failedMessageIds.forEach(id -> failures.addObject().put("itemIdentifier", id));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
