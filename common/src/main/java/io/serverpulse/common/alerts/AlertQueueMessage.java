package io.serverpulse.common.alerts;

import java.util.Objects;

/**
 * What the collector puts on the alert queue for one {@link AlertNotice} (AWS mode, an SQS FIFO
 * queue read by {@code alert-function}), decided once here for the sender and the tests of the reader:
 *
 * <ul>
 *   <li>{@link #groupId()}: the guild id. SQS hands the messages of one group over in the order they
 *       were sent and holds back a group's later messages while an earlier one is being processed or
 *       retried, so one guild's OPENED always comes before its ENDED; guilds do not wait for each other.</li>
 *   <li>{@link #deduplicationId()}: the notice's id, {@code <alert id>:<OPENED|ENDED>}. SQS drops a
 *       second send of the same id within five minutes (a send the collector retried after a lost answer).</li>
 *   <li>{@link #body()}: {@link AlertNoticeJson}.</li>
 * </ul>
 */
public record AlertQueueMessage(String groupId, String deduplicationId, String body) {

    /** SQS's limit for group and deduplication ids. */
    public static final int MAX_ID_LENGTH = 128;

    public AlertQueueMessage {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(deduplicationId, "deduplicationId");
        Objects.requireNonNull(body, "body");
        if (deduplicationId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("deduplication id longer than " + MAX_ID_LENGTH + " characters: " + deduplicationId);
        }
    }

    public static AlertQueueMessage of(AlertNotice notice) {
        return new AlertQueueMessage(Long.toUnsignedString(notice.alert().guildId()), noticeId(notice),
                AlertNoticeJson.toJson(notice));
    }

    /** {@code <alert id>:<kind>}: the same for every send of one notice, different for an incident's two notices. */
    public static String noticeId(AlertNotice notice) {
        return notice.alert().id() + ":" + notice.kind().name();
    }
}
