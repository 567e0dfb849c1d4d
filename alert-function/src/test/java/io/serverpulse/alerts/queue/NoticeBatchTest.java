package io.serverpulse.alerts.queue;

import static io.serverpulse.alerts.support.AlertRig.GUILD;
import static io.serverpulse.alerts.support.AlertRig.OTHER_GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.alerts.lambda.AlertFunction;
import io.serverpulse.alerts.lambda.AlertWiringAccess;
import io.serverpulse.alerts.support.AlertRig;
import io.serverpulse.emulator.state.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SQS event as Lambda writes it (src/test/resources/sqs/event-two-guilds.json), read and answered by the alert function. */
class NoticeBatchTest {

    private final AlertRig rig = new AlertRig(List.of(GUILD, OTHER_GUILD), builder -> builder);
    private final AlertFunction function = new AlertFunction(AlertWiringAccess.delivery(rig.config()));

    @AfterEach
    void close() {
        rig.close();
    }

    private List<StoredMessage> alertsOf(long guild) {
        return rig.updateChannel(guild).map(rig::messages).orElse(List.of());
    }

    @Test
    void lambdasEventIsReadRecordByRecordInQueueOrder() {
        // GIVEN / WHEN the documented event's records are read
        List<NoticeBatch.Record> records = NoticeBatch.records(AlertRig.resource("sqs/event-two-guilds.json"));

        // THEN message ids, groups (the guilds) and receive counts, in the event's order
        assertThat(records).extracting(NoticeBatch.Record::messageId).containsExactly("059f36b4-87a3-44ab-83d2-661975830a7d",
                "2e1424d4-f796-459a-8184-9c92662be6da", "9f0d3c6a-4b8e-4f35-9a77-2c6f1a1b7e10");
        assertThat(records).extracting(NoticeBatch.Record::groupId)
                .containsExactly("1217456348762181632", "1217456348762181699", "1217456348762181632");
        assertThat(records).extracting(NoticeBatch.Record::receiveCount).containsExactly(2, 1, 1);
        assertThat(records.get(0).body()).startsWith("{\"format\":1,\"kind\":\"OPENED\"");
    }

    @Test
    void aBatchOfTwoGuildsIsDeliveredAndNothingIsReportedFailed() {
        // GIVEN / WHEN the function is invoked with the event (guild A opened, guild B opened, guild A ended)
        String response = AlertRig.invoke(function::handleRequest, AlertRig.resource("sqs/event-two-guilds.json"));

        // THEN every message is done, guild A shows its raid ended, guild B its raid
        assertThat(response).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(alertsOf(GUILD)).singleElement()
                .satisfies(m -> assertThat(AlertRig.embed(m).path("title").asText()).isEqualTo("✅ Join raid — ended"));
        assertThat(alertsOf(OTHER_GUILD)).singleElement()
                .satisfies(m -> assertThat(AlertRig.embed(m).path("title").asText()).isEqualTo("🚨 Join raid"));
    }

    @Test
    void anInputThatIsNotAnSqsEventFailsTheWholeInvocation() {
        // GIVEN / WHEN / THEN a direct invoke with a bare notice, or a record without a body: Lambda keeps every message
        assertThatThrownBy(() -> AlertRig.invoke(function::handleRequest, AlertRig.resource("alerts/notice-raid-opened.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not an SQS event: no Records");
        assertThatThrownBy(() -> AlertRig.invoke(function::handleRequest,
                "{\"Records\":[{\"messageId\":\"m1\"}]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("not an SQS event: a record without messageId or body");
        assertThat(rig.discord().recorded().requests()).isEmpty();
    }

    @Test
    void theResponseListsTheFailedMessagesAsLambdaReadsThem() {
        // GIVEN / WHEN / THEN
        assertThat(NoticeBatch.response(List.of("a", "b")))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"a\"},{\"itemIdentifier\":\"b\"}]}");
    }
}
