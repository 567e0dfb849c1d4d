package io.serverpulse.collector.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.collector.support.FakeLambda;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AWS alert sink, through the real AWS SDK v2, against a local endpoint (endpointOverride). */
class LambdaAlertPublisherTest {

    private static final long GUILD = 1217456348762181632L;

    private static AlertNotice raidOpened() {
        Instant start = Instant.parse("2026-03-03T10:20:00Z");
        return AlertNotice.opened(new AlertRecord(AlertRecord.idFor(GUILD, AlertType.JOIN_RAID, start), GUILD,
                AlertType.JOIN_RAID, Severity.WARNING, start, null, List.of(), 14, 0.5, "usually 0.5 joins/min, now 14 in 60 s"));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = LambdaAlertPublisherTest.class.getResourceAsStream("/alerts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anAlertBecomesOneAsynchronousSignedInvokeOfTheAlertFunctionWithTheNoticeAsJson() throws Exception {
        try (FakeLambda lambda = new FakeLambda(); LambdaAlertPublisher publisher = new LambdaAlertPublisher(lambda.client(),
                "serverpulse-alert")) {
            // GIVEN the publisher of the AWS mode
            // WHEN a join raid opens
            publisher.publish(raidOpened());

            // THEN Lambda got one Invoke of the function, of the Event type, signed, with the documented payload
            assertThat(lambda.requests()).hasSize(1);
            FakeLambda.Request invoke = lambda.requests().get(0);
            assertThat(invoke.method()).isEqualTo("POST");
            assertThat(invoke.path()).isEqualTo("/2015-03-31/functions/serverpulse-alert/invocations");
            assertThat(invoke.header("X-Amz-Invocation-Type")).isEqualTo("Event");
            assertThat(invoke.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDSERVERPULSETEST/")
                    .contains("/us-east-1/lambda/aws4_request");
            ObjectMapper json = new ObjectMapper();
            assertThat(json.readTree(invoke.body())).isEqualTo(json.readTree(fixture("invoke-raid-opened.json")));
        }
    }

    @Test
    void anInvokeLambdaRefusesIsReportedAsAFailureForTheDispatcherToRetry() throws Exception {
        try (FakeLambda lambda = new FakeLambda(); LambdaAlertPublisher publisher = new LambdaAlertPublisher(lambda.client(),
                "serverpulse-alert")) {
            // GIVEN a Lambda service that answers 200 (a synchronous result) instead of accepting the event
            lambda.answer(200);

            // WHEN / THEN publishing fails, saying why
            assertThatThrownBy(() -> publisher.publish(raidOpened())).hasMessageContaining("instead of 202");
        }
    }
}
