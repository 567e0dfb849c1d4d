package io.serverpulse.digest.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.serverpulse.aws.scheduler.EventBridgeDigestSchedules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What template.yaml must hold for digests (the SAM schema itself is checked by interactions-function's
 * SamTemplateTest): the digest function and the daily sync are this module's handlers in the jar it builds; the
 * scheduler's role may be assumed by EventBridge Scheduler of this account only and may invoke the digest
 * function only; the functions that change schedules may do so in the digest group only and pass that role to
 * the scheduler only; every function that builds the schedule client gets the variables it reads.
 */
class DigestTemplateTest {

    static JsonNode template;

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

    private static JsonNode resource(String name) {
        return template.path("Resources").path(name);
    }

    @Test
    void theFunctionsAreThisModulesHandlersInTheJarItBuilds() throws Exception {
        for (String function : List.of("DigestFunction", "DigestScheduleSyncFunction")) {
            // GIVEN / WHEN each function's code and handler
            JsonNode properties = resource(function).path("Properties");
            String handler = properties.path("Handler").asText();

            // THEN the jar is this module's Lambda jar, and the handler a stream handler class of it
            assertThat(properties.path("CodeUri").asText()).isEqualTo("digest-function/target/"
                    + System.getProperty("serverpulse.lambda.jar", "digest-function-0.1.0-SNAPSHOT-lambda.jar"));
            assertThat(handler).endsWith("::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(RequestStreamHandler.class).isAssignableFrom(type);
        }
        // AND the sync runs daily, in UTC, after the hour's flush
        JsonNode daily = resource("DigestScheduleSyncFunction").path("Properties").path("Events").path("Daily");
        assertThat(daily.path("Type").asText()).isEqualTo("ScheduleV2");
        assertThat(daily.path("Properties").path("ScheduleExpression").asText()).isEqualTo("cron(40 0 * * ? *)");
    }

    @Test
    void theSchedulersRoleInvokesTheDigestFunctionOnlyAndOnlyForThisAccount() {
        // GIVEN the role the schedules are created with
        JsonNode role = resource("DigestSchedulerRole").path("Properties");
        JsonNode trust = role.path("AssumeRolePolicyDocument").path("Statement").get(0);

        // THEN EventBridge Scheduler of this account assumes it, and it may invoke the function named like DigestFunction
        assertThat(trust.path("Principal").path("Service").asText()).isEqualTo("scheduler.amazonaws.com");
        assertThat(trust.path("Condition").path("StringEquals").path("aws:SourceAccount").path("Ref").asText()).isEqualTo("AWS::AccountId");
        JsonNode invoke = role.path("Policies").get(0).path("PolicyDocument").path("Statement").get(0);
        assertThat(invoke.path("Action").asText()).isEqualTo("lambda:InvokeFunction");
        String functionName = resource("DigestFunction").path("Properties").path("FunctionName").path("Fn::Sub").asText();
        assertThat(invoke.path("Resource").path("Fn::Sub").asText())
                .isEqualTo("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + functionName);
    }

    @Test
    void onlyTheDigestGroupsSchedulesMayBeChangedAndTheRoleOnlyPassedToTheScheduler() {
        // GIVEN the policy of the functions that change schedules
        JsonNode statements = resource("DigestScheduleManagePolicy").path("Properties").path("PolicyDocument").path("Statement");

        // THEN create, update, delete (and read) in the digest group, names starting "digest-", and PassRole to the scheduler
        List<String> actions = new ArrayList<>();
        statements.get(0).path("Action").forEach(a -> actions.add(a.asText()));
        assertThat(actions).containsExactlyInAnyOrder("scheduler:CreateSchedule", "scheduler:UpdateSchedule",
                "scheduler:DeleteSchedule", "scheduler:GetSchedule");
        assertThat(statements.get(0).path("Resource").path("Fn::Sub").asText())
                .endsWith(":schedule/${DigestScheduleGroup}/" + EventBridgeDigestSchedules.name(1).replace("1", "*"));
        assertThat(statements.get(1).path("Action").asText()).isEqualTo("iam:PassRole");
        assertThat(statements.get(1).path("Resource").path("Fn::GetAtt").get(0).asText()).isEqualTo("DigestSchedulerRole");
        assertThat(statements.get(1).path("Condition").path("StringEquals").path("iam:PassedToService").asText())
                .isEqualTo("scheduler.amazonaws.com");
        assertThat(resource("DigestScheduleGroup").path("Type").asText()).isEqualTo("AWS::Scheduler::ScheduleGroup");
    }

    @Test
    void everyFunctionThatBuildsTheScheduleClientGetsItsVariablesAndThoseThatChangeSchedulesThePolicy() {
        for (String function : List.of("InteractionsFunction", "DeferredWorkerFunction", "DigestFunction", "DigestScheduleSyncFunction")) {
            JsonNode properties = resource(function).path("Properties");
            JsonNode variables = properties.path("Environment").path("Variables");
            // THEN the schedule group, the digest function and the scheduler's role are named
            assertThat(variables.path(EventBridgeDigestSchedules.Target.GROUP).path("Ref").asText()).as(function)
                    .isEqualTo("DigestScheduleGroup");
            assertThat(variables.path(EventBridgeDigestSchedules.Target.FUNCTION_ARN).path("Fn::Sub").asText()).as(function)
                    .endsWith(":function:${AWS::StackName}-digests");
            assertThat(variables.path(EventBridgeDigestSchedules.Target.ROLE_ARN).path("Fn::GetAtt").get(0).asText()).as(function)
                    .isEqualTo("DigestSchedulerRole");
            // AND every one that changes schedules (all but the endpoint, which only defers /set-digest) has the policy
            List<String> policies = new ArrayList<>();
            properties.path("Policies").forEach(p -> policies.add(p.path("Ref").asText()));
            if (!function.equals("InteractionsFunction")) {
                assertThat(policies).as(function).contains("DigestScheduleManagePolicy");
            } else {
                assertThat(policies).as(function).doesNotContain("DigestScheduleManagePolicy");
            }
        }
    }

    @Test
    void theAiSummaryBudgetIsAParameterThatLeavesTheFunctionsTimeForThePost() {
        // GIVEN the deployment's parameter for the AI summary's budget
        JsonNode budget = template.path("Parameters").path("AiSummaryBudgetSeconds");

        // THEN it is a number within what the configuration accepts (3-300 s), 30 s unless chosen
        assertThat(budget.path("Type").asText()).isEqualTo("Number");
        assertThat(budget.path("Default").asInt()).isEqualTo(30);
        assertThat(budget.path("MinValue").asInt()).isEqualTo(3);
        // AND every function that writes a summary reads it, and its largest value leaves that function at least
        // 30 s for the digest's reads, charts and post
        for (String function : List.of("DigestFunction", "DeferredWorkerFunction")) {
            JsonNode properties = resource(function).path("Properties");
            assertThat(properties.path("Environment").path("Variables").path("AI_SUMMARY_BUDGET_SECONDS").path("Ref").asText())
                    .as(function).isEqualTo("AiSummaryBudgetSeconds");
            assertThat(properties.path("Timeout").asInt() - budget.path("MaxValue").asInt()).as(function).isGreaterThanOrEqualTo(30);
        }
    }
}
