package io.serverpulse.alerts.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.alerts.drops.ScheduledTime;
import io.serverpulse.alerts.support.TemplateFile;
import io.serverpulse.common.config.SecretParameters;
import io.serverpulse.common.config.ServerPulseConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * template.yaml's alert resources, consistent with this module's code: the functions, the alert FIFO
 * queue with its dead-letter queue and alarm, and what the collector is given. (The whole template is
 * validated against the SAM schema, and its references, log groups and secrets checked, by
 * interactions-function's SamTemplateTest and TemplateResourcesTest.)
 */
class AlertTemplateTest {

    private static final JsonNode TEMPLATE = TemplateFile.read();
    private static final String TOKEN_VARIABLE = SecretParameters.referenceVariable(ServerPulseConfig.DISCORD_TOKEN);

    private static JsonNode resource(String name, String type) {
        JsonNode resource = TEMPLATE.path("Resources").path(name);
        assertThat(resource.path("Type").asText()).as(name).isEqualTo(type);
        return resource.path("Properties");
    }

    private static JsonNode function(String name) {
        return resource(name, "AWS::Serverless::Function");
    }

    private static List<String> policyRefs(JsonNode function) {
        return function.path("Policies").findValuesAsText("Ref");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AlertFunction", "DropCheckFunction"})
    void eachFunctionRunsThisModulesJarAndHandlerAndReadsTheBotTokenFromItsParameter(String name) throws Exception {
        // GIVEN / WHEN the function's properties
        JsonNode function = function(name);

        // THEN its handler is this module's stream handler with a no-argument constructor, in the shaded jar
        Class<?> handler = Class.forName(function.path("Handler").asText().replaceAll("::handleRequest$", ""));
        assertThat(RequestStreamHandler.class).isAssignableFrom(handler);
        assertThat(handler.getConstructor()).isNotNull();
        assertThat(function.path("CodeUri").asText()).isEqualTo("alert-function/target/" + System.getProperty("serverpulse.lambda.jar"));
        // and the bot token is named by its SSM parameter (never its value), which the function may read
        JsonNode variables = function.path("Environment").path("Variables");
        assertThat(variables.has(ServerPulseConfig.DISCORD_TOKEN)).isFalse();
        assertThat(variables.path(TOKEN_VARIABLE).path("Ref").asText()).isEqualTo("DiscordTokenParameter");
        assertThat(policyRefs(function)).contains("DiscordTokenReadPolicy", "MongoDbUriReadPolicy");
        assertThat(function.path("Timeout").asInt()).isBetween(60, 900);
    }

    @Test
    void onlyTheAlertFunctionsReadTheBotToken() {
        // GIVEN / WHEN the global environment and the other functions
        // THEN none of them names the token's parameter or may read it
        assertThat(TEMPLATE.path("Globals").path("Function").path("Environment").path("Variables").has(TOKEN_VARIABLE)).isFalse();
        for (String other : List.of("InteractionsFunction", "DeferredWorkerFunction")) {
            assertThat(function(other).path("Environment").path("Variables").has(TOKEN_VARIABLE)).as(other).isFalse();
            assertThat(policyRefs(function(other))).as(other).doesNotContain("DiscordTokenReadPolicy");
        }
    }

    @Test
    void theAlertFunctionConsumesTheQueueOneGuildInOrderWithoutReservedConcurrency() {
        // GIVEN / WHEN the alert function and its event source
        JsonNode function = function("AlertFunction");
        JsonNode events = function.path("Events");
        assertThat(events.size()).isEqualTo(1);
        JsonNode notices = events.path("Notices");

        // THEN no concurrency is reserved and nothing invokes it asynchronously
        assertThat(function.has("ReservedConcurrentExecutions")).isFalse();
        assertThat(function.has("EventInvokeConfig")).isFalse();
        // AND it is the alert queue's consumer, reporting partial batch failures, in batches FIFO queues allow
        assertThat(notices.path("Type").asText()).isEqualTo("SQS");
        JsonNode properties = notices.path("Properties");
        assertThat(properties.path("Queue").path("Fn::GetAtt")).extracting(JsonNode::asText).containsExactly("AlertQueue", "Arn");
        assertThat(properties.path("FunctionResponseTypes")).extracting(JsonNode::asText).containsExactly("ReportBatchItemFailures");
        assertThat(properties.path("BatchSize").asInt()).isBetween(1, 10);
        assertThat(properties.has("MaximumBatchingWindowInSeconds")).as("FIFO queues take no batching window").isFalse();
        // AND its concurrency is capped without reserving (SQS's ScalingConfig takes 2 to 1000)
        assertThat(properties.path("ScalingConfig").path("MaximumConcurrency").asInt()).isBetween(2, 1000);
    }

    @Test
    void theQueueIsFifoItsVisibilityCoversTheFunctionAndItsFailuresGoToAFifoDeadLetterQueue() {
        // GIVEN / WHEN the two queues
        JsonNode queue = resource("AlertQueue", "AWS::SQS::Queue");
        JsonNode deadLetters = resource("AlertDeadLetterQueue", "AWS::SQS::Queue");

        // THEN both are FIFO (a FIFO queue's dead-letter queue must be FIFO), named so
        assertThat(queue.path("FifoQueue").asBoolean()).isTrue();
        assertThat(deadLetters.path("FifoQueue").asBoolean()).isTrue();
        assertThat(queue.path("QueueName").path("Fn::Sub").asText()).endsWith(".fifo");
        assertThat(deadLetters.path("QueueName").path("Fn::Sub").asText()).endsWith(".fifo");
        // AND deduplication is by the id the collector gives each notice, not by content
        assertThat(queue.path("ContentBasedDeduplication").asBoolean(true)).isFalse();
        // AND a notice is not handed out again while the function may still be working on it (AWS advises 6 x timeout)
        assertThat(queue.path("VisibilityTimeout").asInt()).isGreaterThanOrEqualTo(6 * function("AlertFunction").path("Timeout").asInt());
        // AND after a few receives a notice moves to the dead-letter queue, which keeps it longer than the queue would
        JsonNode redrive = queue.path("RedrivePolicy");
        assertThat(redrive.path("deadLetterTargetArn").path("Fn::GetAtt")).extracting(JsonNode::asText)
                .containsExactly("AlertDeadLetterQueue", "Arn");
        assertThat(redrive.path("maxReceiveCount").asInt()).isBetween(2, 10);
        assertThat(deadLetters.path("MessageRetentionPeriod").asInt()).isEqualTo(14 * 24 * 3600)
                .isGreaterThan(queue.path("MessageRetentionPeriod").asInt());
    }

    @Test
    void aNoticeInTheDeadLetterQueueRaisesAnAlarmThatIsSentSomewhere() {
        // GIVEN / WHEN the dead-letter queue's alarm
        JsonNode alarm = resource("AlertDeadLetterAlarm", "AWS::CloudWatch::Alarm");

        // THEN it watches the dead-letter queue's visible messages and fires at the first one
        assertThat(alarm.path("Namespace").asText()).isEqualTo("AWS/SQS");
        assertThat(alarm.path("MetricName").asText()).isEqualTo("ApproximateNumberOfMessagesVisible");
        assertThat(alarm.path("Dimensions")).singleElement().satisfies(d -> {
            assertThat(d.path("Name").asText()).isEqualTo("QueueName");
            assertThat(d.path("Value").path("Fn::GetAtt")).extracting(JsonNode::asText).containsExactly("AlertDeadLetterQueue", "QueueName");
        });
        assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(alarm.path("Threshold").asDouble(-1)).isZero();
        assertThat(alarm.path("EvaluationPeriods").asInt()).isEqualTo(1);
        assertThat(alarm.path("TreatMissingData").asText()).isEqualTo("notBreaching");
        // AND it notifies the stack's topic
        assertThat(alarm.path("AlarmActions").findValuesAsText("Ref")).containsExactly("AlertAlarmTopic");
        assertThat(TEMPLATE.path("Resources").path("AlertAlarmTopic").path("Type").asText()).isEqualTo("AWS::SNS::Topic");
    }

    @Test
    void theCollectorIsToldTheQueueAndMayOnlySendToIt() {
        // GIVEN / WHEN the outputs and the send policy
        JsonNode statements = resource("AlertSendPolicy", "AWS::IAM::ManagedPolicy").path("PolicyDocument").path("Statement");

        // THEN ALERT_QUEUE_URL is an output (Ref of a queue is its URL), and the policy allows SendMessage on that queue only
        assertThat(TEMPLATE.path("Outputs").path("AlertQueueUrl").path("Value").path("Ref").asText()).isEqualTo("AlertQueue");
        assertThat(statements).singleElement().satisfies(statement -> {
            assertThat(statement.path("Action").asText()).isEqualTo("sqs:SendMessage");
            assertThat(statement.path("Resource").path("Fn::GetAtt")).extracting(JsonNode::asText).containsExactly("AlertQueue", "Arn");
        });
    }

    @Test
    void theDropCheckRunsHourlyAfterTheFlushAndIsToldItsHour() {
        // GIVEN / WHEN the drop check's schedule
        JsonNode schedule = function("DropCheckFunction").path("Events").path("Hourly");
        JsonNode properties = schedule.path("Properties");

        // THEN an EventBridge Scheduler schedule a few minutes past every hour, whose input names the scheduled time
        assertThat(schedule.path("Type").asText()).isEqualTo("ScheduleV2");
        assertThat(properties.path("ScheduleExpression").asText()).matches("cron\\(([1-9]|1[0-5]) \\* \\* \\* \\? \\*\\)");
        assertThat(properties.path("Input").asText())
                .isEqualTo("{\"" + ScheduledTime.FIELD + "\": \"<aws.scheduler.scheduled-time>\"}");
        assertThat(properties.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()).isLessThan(3600);
    }
}
