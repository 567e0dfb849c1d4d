package io.serverpulse.alerts.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.serverpulse.alerts.drops.ScheduledTime;
import io.serverpulse.common.config.ServerPulseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * template.yaml's alert functions, consistent with this module's code. (The whole template is validated
 * against the SAM schema by interactions-function's SamTemplateTest.)
 */
class AlertTemplateTest {

    private static JsonNode template;

    @BeforeAll
    static void read() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                template = new YAMLMapper().readTree(dir.resolve("template.yaml").toFile());
                return;
            }
        }
        throw new AssertionError("template.yaml not found at the repository root");
    }

    private static JsonNode function(String name) {
        JsonNode resource = template.path("Resources").path(name);
        assertThat(resource.path("Type").asText()).as(name).isEqualTo("AWS::Serverless::Function");
        return resource.path("Properties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AlertFunction", "DropCheckFunction"})
    void eachFunctionRunsThisModulesJarAndHandlerWithTheBotToken(String name) throws Exception {
        // GIVEN / WHEN the function's properties
        JsonNode function = function(name);

        // THEN its handler is this module's stream handler with a no-argument constructor, in the shaded jar
        Class<?> handler = Class.forName(function.path("Handler").asText().replaceAll("::handleRequest$", ""));
        assertThat(RequestStreamHandler.class).isAssignableFrom(handler);
        assertThat(handler.getConstructor()).isNotNull();
        assertThat(function.path("CodeUri").asText()).isEqualTo("alert-function/target/" + System.getProperty("serverpulse.lambda.jar"));
        // and the bot token comes from a NoEcho parameter
        String parameter = function.path("Environment").path("Variables").path(ServerPulseConfig.DISCORD_TOKEN).path("Ref").asText();
        assertThat(template.path("Parameters").path(parameter).path("NoEcho").asBoolean()).isTrue();
        assertThat(function.path("Timeout").asInt()).isBetween(60, 900);
    }

    @Test
    void onlyTheAlertFunctionsGetTheBotToken() {
        // GIVEN / WHEN the global environment and the other functions
        // THEN none of them carries DISCORD_TOKEN
        assertThat(template.path("Globals").path("Function").path("Environment").path("Variables").has(ServerPulseConfig.DISCORD_TOKEN))
                .isFalse();
        for (String other : List.of("InteractionsFunction", "DeferredWorkerFunction")) {
            assertThat(function(other).path("Environment").path("Variables").has(ServerPulseConfig.DISCORD_TOKEN)).as(other).isFalse();
        }
    }

    @Test
    void theAlertFunctionRunsOneAlertAtATimeAndIsRetriedOnlyBriefly() {
        // GIVEN / WHEN the alert function's concurrency and asynchronous invoke settings
        JsonNode function = function("AlertFunction");

        // THEN an incident's OPENED and ENDED never race, and a failed alert is retried at most twice within 15 minutes
        assertThat(function.path("ReservedConcurrentExecutions").asInt()).isEqualTo(1);
        assertThat(function.path("EventInvokeConfig").path("MaximumRetryAttempts").asInt(-1)).isBetween(0, 2);
        assertThat(function.path("EventInvokeConfig").path("MaximumEventAgeInSeconds").asInt()).isLessThanOrEqualTo(900);
        // and the collector is told its name
        assertThat(template.path("Outputs").path("AlertFunctionName").path("Value").path("Ref").asText()).isEqualTo("AlertFunction");
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
