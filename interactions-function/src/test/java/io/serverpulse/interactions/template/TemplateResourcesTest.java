package io.serverpulse.interactions.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.config.SecretParameters;
import io.serverpulse.common.config.ServerPulseConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What template.yaml must hold beyond the SAM schema (which checks the {@code AWS::Serverless::*}
 * resources only): references that resolve, conditional resources referenced only under their
 * condition, CloudFormation resources with documented properties only, one log group per function with
 * the retention, secrets as SSM parameter names readable by exactly the functions that need them, and
 * the Fargate collector only when it is turned on.
 */
class TemplateResourcesTest {

    private static final TemplateTree TEMPLATE = TemplateTree.read();
    /** A function's environment names the parameters that hold secrets; never a secret itself. */
    private static final List<String> SECRETS = SecretParameters.SECRETS;

    /**
     * The properties CloudFormation documents for each resource type the template uses (AWS CloudFormation
     * Template Reference): a misspelled property would otherwise only fail at deploy time.
     */
    private static final Map<String, Set<String>> DOCUMENTED = documented(
            Map.entry("AWS::Scheduler::ScheduleGroup", Set.of("Name", "Tags")), Map.of(
            "AWS::SQS::Queue", Set.of("ContentBasedDeduplication", "DeduplicationScope", "DelaySeconds", "FifoQueue",
                    "FifoThroughputLimit", "KmsDataKeyReusePeriodSeconds", "KmsMasterKeyId", "MaximumMessageSize",
                    "MessageRetentionPeriod", "QueueName", "ReceiveMessageWaitTimeSeconds", "RedriveAllowPolicy", "RedrivePolicy",
                    "SqsManagedSseEnabled", "Tags", "VisibilityTimeout"),
            "AWS::CloudWatch::Alarm", Set.of("ActionsEnabled", "AlarmActions", "AlarmDescription", "AlarmName", "ComparisonOperator",
                    "DatapointsToAlarm", "Dimensions", "EvaluateLowSampleCountPercentile", "EvaluationPeriods", "ExtendedStatistic",
                    "InsufficientDataActions", "MetricName", "Metrics", "Namespace", "OKActions", "Period", "Statistic", "Tags",
                    "Threshold", "ThresholdMetricId", "TreatMissingData", "Unit"),
            "AWS::Logs::LogGroup", Set.of("DataProtectionPolicy", "DeletionProtectionEnabled", "FieldIndexPolicies", "KmsKeyId",
                    "LogGroupClass", "LogGroupName", "ResourcePolicyDocument", "RetentionInDays", "Tags"),
            "AWS::SNS::Topic", Set.of("ArchivePolicy", "ContentBasedDeduplication", "DataProtectionPolicy", "DeliveryStatusLogging",
                    "DisplayName", "FifoThroughputScope", "FifoTopic", "KmsMasterKeyId", "SignatureVersion", "Subscription", "Tags",
                    "TopicName", "TracingConfig"),
            "AWS::SNS::Subscription", Set.of("DeliveryPolicy", "Endpoint", "FilterPolicy", "FilterPolicyScope", "Protocol",
                    "RawMessageDelivery", "RedrivePolicy", "Region", "ReplayPolicy", "SubscriptionRoleArn", "TopicArn"),
            "AWS::IAM::ManagedPolicy", Set.of("Description", "Groups", "ManagedPolicyName", "Path", "PolicyDocument", "Roles", "Users"),
            "AWS::IAM::Role", Set.of("AssumeRolePolicyDocument", "Description", "ManagedPolicyArns", "MaxSessionDuration", "Path",
                    "PermissionsBoundary", "Policies", "RoleName", "Tags"),
            "AWS::ECS::Cluster", Set.of("CapacityProviders", "ClusterName", "ClusterSettings", "Configuration",
                    "DefaultCapacityProviderStrategy", "ServiceConnectDefaults", "Tags"),
            "AWS::ECS::TaskDefinition", Set.of("ContainerDefinitions", "Cpu", "EnableFaultInjection", "EphemeralStorage",
                    "ExecutionRoleArn", "Family", "InferenceAccelerators", "IpcMode", "Memory", "NetworkMode", "PidMode",
                    "PlacementConstraints", "ProxyConfiguration", "RequiresCompatibilities", "RuntimePlatform", "Tags", "TaskRoleArn",
                    "Volumes"),
            "AWS::ECS::Service", Set.of("AvailabilityZoneRebalancing", "CapacityProviderStrategy", "Cluster", "DeploymentConfiguration",
                    "DeploymentController", "DesiredCount", "EnableECSManagedTags", "EnableExecuteCommand", "ForceNewDeployment",
                    "HealthCheckGracePeriodSeconds", "LaunchType", "LoadBalancers", "NetworkConfiguration", "PlacementConstraints",
                    "PlacementStrategies", "PlatformVersion", "PropagateTags", "Role", "SchedulingStrategy",
                    "ServiceConnectConfiguration", "ServiceName", "ServiceRegistries", "Tags", "TaskDefinition", "VolumeConfigurations",
                    "VpcLatticeConfigurations")));
    private static final Set<String> CONTAINER_DEFINITION = Set.of("Command", "Cpu", "CredentialSpecs", "DependsOn",
            "DisableNetworking", "DnsSearchDomains", "DnsServers", "DockerLabels", "DockerSecurityOptions", "EntryPoint", "Environment",
            "EnvironmentFiles", "Essential", "ExtraHosts", "FirelensConfiguration", "HealthCheck", "Hostname", "Image", "Interactive",
            "Links", "LinuxParameters", "LogConfiguration", "Memory", "MemoryReservation", "MountPoints", "Name", "PortMappings",
            "Privileged", "PseudoTerminal", "ReadonlyRootFilesystem", "RepositoryCredentials", "ResourceRequirements", "RestartPolicy",
            "Secrets", "StartTimeout", "StopTimeout", "SystemControls", "Ulimits", "User", "VersionConsistency", "VolumesFrom",
            "WorkingDirectory");

    @SafeVarargs
    private static Map<String, Set<String>> documented(Map.Entry<String, Set<String>> more, Map<String, Set<String>>... maps) {
        Map<String, Set<String>> all = new java.util.HashMap<>();
        for (Map<String, Set<String>> map : maps) {
            all.putAll(map);
        }
        all.put(more.getKey(), more.getValue());
        return Map.copyOf(all);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Resources SAM generates from a function's properties, which the template may refer to. */
    private static Set<String> generatedBySam() {
        Set<String> generated = new HashSet<>();
        TEMPLATE.resourcesOfType("AWS::Serverless::Function").forEach((name, function) -> {
            generated.add(name + "Role");
            if (function.path("Properties").has("FunctionUrlConfig")) {
                generated.add(name + "Url");
            }
        });
        return generated;
    }

    private static List<TemplateTree.Reference> everyReference() {
        List<TemplateTree.Reference> all = new ArrayList<>();
        TEMPLATE.resources().forEach((name, resource) -> all.addAll(TemplateTree.references(resource, "Resources/" + name)));
        all.addAll(TemplateTree.references(TEMPLATE.root().path("Outputs"), "Outputs"));
        all.addAll(TemplateTree.references(TEMPLATE.root().path("Globals"), "Globals"));
        return all;
    }

    @Test
    void everyReferenceNamesAParameterAResourceOrAPseudoParameter() {
        // GIVEN what may be referred to
        Set<String> known = new HashSet<>(names(TEMPLATE.root().path("Parameters")));
        known.addAll(TEMPLATE.resources().keySet());
        known.addAll(generatedBySam());

        // WHEN / THEN every Ref, Fn::GetAtt and Fn::Sub variable resolves
        assertThat(everyReference()).allSatisfy(reference -> assertThat(reference.name().startsWith("AWS::")
                || known.contains(reference.name())).as("%s refers to %s", reference.path(), reference.name()).isTrue());
        // AND every condition named exists
        Set<String> conditions = names(TEMPLATE.root().path("Conditions"));
        TEMPLATE.resources().forEach((name, resource) -> {
            if (resource.has("Condition")) {
                assertThat(conditions).as(name).contains(resource.get("Condition").asText());
            }
        });
        assertThat(everyReference()).allSatisfy(reference -> assertThat(conditions).containsAll(reference.underConditions()));
    }

    @Test
    void aConditionalResourceIsReferredToOnlyWhereItsConditionHolds() {
        // GIVEN / WHEN every reference to a resource that exists only under a condition
        List<String> problems = new ArrayList<>();
        TEMPLATE.resources().forEach((from, resource) -> {
            for (TemplateTree.Reference reference : TemplateTree.references(resource, from)) {
                JsonNode target = TEMPLATE.resource(reference.name());
                if (!target.has("Condition")) {
                    continue;
                }
                String needed = target.get("Condition").asText();
                boolean holds = needed.equals(resource.path("Condition").asText()) || reference.underConditions().contains(needed);
                if (!holds) {
                    problems.add(reference.path() + " refers to " + reference.name() + " (only if " + needed + ")");
                }
            }
        });
        TEMPLATE.root().path("Outputs").fields().forEachRemaining(output -> {
            for (TemplateTree.Reference reference : TemplateTree.references(output.getValue(), "Outputs/" + output.getKey())) {
                JsonNode target = TEMPLATE.resource(reference.name());
                if (target.has("Condition") && !target.get("Condition").asText().equals(output.getValue().path("Condition").asText())) {
                    problems.add(reference.path() + " refers to " + reference.name());
                }
            }
        });

        // THEN it is made by a resource (or output) under the same condition, or inside Fn::If on it
        assertThat(problems).isEmpty();
    }

    @Test
    void cloudFormationResourcesUseOnlyDocumentedProperties() {
        // GIVEN / WHEN every resource that is not a SAM resource
        TEMPLATE.resources().forEach((name, resource) -> {
            String type = resource.path("Type").asText();
            if (type.startsWith("AWS::Serverless::")) {
                return;
            }
            // THEN its type is one this test knows, and it uses only the properties CloudFormation documents for it
            assertThat(DOCUMENTED).as("documented properties of %s (%s)", type, name).containsKey(type);
            assertThat(DOCUMENTED.get(type)).as(name).containsAll(names(resource.path("Properties")));
            if (type.equals("AWS::ECS::TaskDefinition")) {
                resource.path("Properties").path("ContainerDefinitions")
                        .forEach(container -> assertThat(CONTAINER_DEFINITION).as(name).containsAll(names(container)));
            }
        });
    }

    @Test
    void everyFunctionLogsToALogGroupOfItsOwnKeptForTheRetention() {
        // GIVEN the retention parameter
        JsonNode retention = TEMPLATE.root().path("Parameters").path("LogRetentionDays");
        assertThat(retention.path("Default").asInt()).isEqualTo(30);

        // WHEN / THEN each function has an explicit name and logs to /aws/lambda/<that name>, a group of its own with the retention
        Set<String> groups = new HashSet<>();
        TEMPLATE.resourcesOfType("AWS::Serverless::Function").forEach((name, function) -> {
            JsonNode properties = function.path("Properties");
            String functionName = properties.path("FunctionName").path("Fn::Sub").asText();
            assertThat(functionName).as(name).startsWith("${AWS::StackName}-");
            String group = properties.path("LoggingConfig").path("LogGroup").path("Ref").asText();
            JsonNode logGroup = TEMPLATE.resource(group);
            assertThat(logGroup.path("Type").asText()).as(name).isEqualTo("AWS::Logs::LogGroup");
            assertThat(logGroup.path("Properties").path("LogGroupName").path("Fn::Sub").asText()).as(name)
                    .isEqualTo("/aws/lambda/" + functionName);
            assertThat(logGroup.path("Properties").path("RetentionInDays").path("Ref").asText()).isEqualTo("LogRetentionDays");
            assertThat(groups.add(group)).as("%s shares its log group", name).isTrue();
        });
        assertThat(groups).hasSizeGreaterThanOrEqualTo(4);
        // AND the collector's log group, when there is one, keeps its logs as long
        assertThat(TEMPLATE.resource("CollectorLogGroup").path("Properties").path("RetentionInDays").path("Ref").asText())
                .isEqualTo("LogRetentionDays");
    }

    @Test
    void noSecretIsAPlainValueInTheTemplate() {
        // GIVEN every environment the template sets: the functions' (and their globals'), the collector container's
        List<Set<String>> environments = new ArrayList<>();
        environments.add(names(TEMPLATE.root().path("Globals").path("Function").path("Environment").path("Variables")));
        TEMPLATE.resourcesOfType("AWS::Serverless::Function").values()
                .forEach(f -> environments.add(names(f.path("Properties").path("Environment").path("Variables"))));
        TEMPLATE.resourcesOfType("AWS::ECS::TaskDefinition").values()
                .forEach(task -> task.path("Properties").path("ContainerDefinitions").forEach(container -> {
                    Set<String> variables = new HashSet<>(container.path("Environment").findValuesAsText("Name"));
                    environments.add(variables);
                }));

        // WHEN / THEN none carries a secret setting, only the name of its SSM parameter
        assertThat(environments).allSatisfy(variables -> assertThat(variables).doesNotContainAnyElementsOf(SECRETS));
        assertThat(environments.stream().flatMap(Set::stream)).contains(
                SecretParameters.referenceVariable(ServerPulseConfig.DISCORD_TOKEN),
                SecretParameters.referenceVariable(ServerPulseConfig.MONGODB_URI),
                SecretParameters.referenceVariable(ServerPulseConfig.MASTER_KEY));
        // AND the template takes no secret value at all: no parameter needs hiding
        TEMPLATE.root().path("Parameters").fields().forEachRemaining(parameter ->
                assertThat(parameter.getValue().path("NoEcho").asBoolean()).as(parameter.getKey()).isFalse());
        for (String parameter : List.of("DiscordTokenParameter", "MongoDbUriParameter", "MasterKeyParameter")) {
            assertThat(TEMPLATE.root().path("Parameters").path(parameter).path("Default").asText()).startsWith("/serverpulse/");
        }
    }

    @Test
    void eachSecretParameterIsReadableThroughItsOwnPolicyOnly() {
        // GIVEN / WHEN each read policy and the parameter it is for
        Map<String, String> policies = Map.of("DiscordTokenReadPolicy", "DiscordTokenParameter",
                "MongoDbUriReadPolicy", "MongoDbUriParameter", "MasterKeyReadPolicy", "MasterKeyParameter");
        policies.forEach((policy, parameter) -> {
            String arn = "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${" + parameter + "}";
            JsonNode statements = TEMPLATE.resource(policy).path("Properties").path("PolicyDocument").path("Statement");

            // THEN it reads exactly that parameter, and decrypts only through SSM, only that parameter's value
            assertThat(statements).hasSize(2);
            JsonNode read = statements.get(0);
            assertThat(read.path("Action")).extracting(JsonNode::asText).containsExactlyInAnyOrder("ssm:GetParameter", "ssm:GetParameters");
            assertThat(read.path("Resource").path("Fn::Sub").asText()).as(policy).isEqualTo(arn);
            JsonNode decrypt = statements.get(1);
            assertThat(decrypt.path("Action").asText()).isEqualTo("kms:Decrypt");
            JsonNode condition = decrypt.path("Condition").path("StringEquals");
            assertThat(condition.path("kms:ViaService").path("Fn::Sub").asText()).isEqualTo("ssm.${AWS::Region}.amazonaws.com");
            assertThat(condition.path("kms:EncryptionContext:PARAMETER_ARN").path("Fn::Sub").asText()).as(policy).isEqualTo(arn);
        });
        // AND a parameter name starts with "/", so that "parameter${Name}" is its ARN
        for (String parameter : policies.values()) {
            assertThat(TEMPLATE.root().path("Parameters").path(parameter).path("AllowedPattern").asText()).as(parameter)
                    .satisfiesAnyOf(p -> assertThat(p).startsWith("/"), p -> assertThat(p).startsWith("(/"));
        }
    }

    @Test
    void withTheCollectorOffTheStackNeedsNoVpc() {
        // GIVEN the default parameters (CollectorEnabled "false")
        assertThat(TEMPLATE.root().path("Parameters").path("CollectorEnabled").path("Default").asText()).isEqualTo("false");
        Set<String> existing = TEMPLATE.existing(Map.of());

        // WHEN / THEN no ECS resource is created, and nothing created refers to the collector's image or network
        assertThat(existing).allSatisfy(name -> assertThat(TEMPLATE.resource(name).path("Type").asText()).doesNotStartWith("AWS::ECS::"));
        assertThat(existing).doesNotContain("CollectorTaskRole", "CollectorExecutionRole", "CollectorLogGroup");
        for (String name : existing) {
            assertThat(TemplateTree.references(TEMPLATE.resource(name), name)).extracting(TemplateTree.Reference::name)
                    .as(name).doesNotContain("CollectorSubnets", "CollectorSecurityGroup", "CollectorImageUri");
        }
    }

    @Test
    void withTheCollectorOnItRunsOneTaskOfItsImageThatMaySendAlertsAndReadItsSecrets() {
        // GIVEN the collector turned on
        Set<String> existing = TEMPLATE.existing(Map.of("CollectorEnabled", "true"));
        assertThat(existing).contains("CollectorCluster", "CollectorTaskDefinition", "CollectorService", "CollectorTaskRole",
                "CollectorLogGroup");
        JsonNode service = TEMPLATE.resource("CollectorService").path("Properties");
        JsonNode task = TEMPLATE.resource("CollectorTaskDefinition").path("Properties");
        JsonNode container = task.path("ContainerDefinitions").get(0);

        // WHEN / THEN one Fargate task in the given subnets and security group, never two at once (both would count)
        assertThat(service.path("LaunchType").asText()).isEqualTo("FARGATE");
        assertThat(service.path("DesiredCount").asInt()).isEqualTo(1);
        assertThat(service.path("DeploymentConfiguration").path("MaximumPercent").asInt()).isEqualTo(100);
        JsonNode network = service.path("NetworkConfiguration").path("AwsvpcConfiguration");
        assertThat(network.path("Subnets").path("Ref").asText()).isEqualTo("CollectorSubnets");
        assertThat(network.path("SecurityGroups").findValuesAsText("Ref")).containsExactly("CollectorSecurityGroup");
        // AND its image, the AWS mode, the queue, and its secrets by name
        assertThat(container.path("Image").path("Ref").asText()).isEqualTo("CollectorImageUri");
        Map<String, JsonNode> environment = new java.util.HashMap<>();
        for (JsonNode variable : toList(container.path("Environment"))) {
            environment.put(variable.path("Name").asText(), variable.path("Value"));
        }
        assertThat(environment.get(ServerPulseConfig.MODE).asText()).isEqualTo("aws");
        assertThat(environment.get(ServerPulseConfig.ALERT_QUEUE_URL).path("Ref").asText()).isEqualTo("AlertQueue");
        assertThat(environment.get(SecretParameters.referenceVariable(ServerPulseConfig.DISCORD_TOKEN)).path("Ref").asText())
                .isEqualTo("DiscordTokenParameter");
        assertThat(environment.get(SecretParameters.referenceVariable(ServerPulseConfig.MONGODB_URI)).path("Ref").asText())
                .isEqualTo("MongoDbUriParameter");
        // AND its role may send to the queue and read those two secrets, nothing else
        assertThat(TEMPLATE.resource("CollectorTaskRole").path("Properties").path("ManagedPolicyArns").findValuesAsText("Ref"))
                .containsExactlyInAnyOrder("AlertSendPolicy", "DiscordTokenReadPolicy", "MongoDbUriReadPolicy");
        // AND turning it on without an image, subnets or a security group is refused before anything is created
        JsonNode rule = TEMPLATE.root().path("Rules").path("CollectorNeedsItsImageAndNetwork");
        assertThat(rule.path("RuleCondition").path("Fn::Equals").findValuesAsText("Ref")).containsExactly("CollectorEnabled");
        assertThat(rule.path("Assertions").findValuesAsText("Ref"))
                .containsExactly("CollectorImageUri", "CollectorSubnets", "CollectorSecurityGroup");
    }

    @Test
    void theCollectorsHealthCheckAsksItsHealthEndpointWithTheImagesOwnJava() {
        // GIVEN the collector's container
        JsonNode task = TEMPLATE.resource("CollectorTaskDefinition").path("Properties");
        JsonNode container = task.path("ContainerDefinitions").get(0);
        JsonNode check = container.path("HealthCheck");
        Map<String, String> environment = new java.util.HashMap<>();
        for (JsonNode variable : toList(container.path("Environment"))) {
            environment.put(variable.path("Name").asText(), variable.path("Value").asText());
        }

        // WHEN / THEN its health endpoint is on (loopback: the check runs inside the task), and the check runs the probe
        // with the image's Java, without a shell (the image has none), as CMD
        assertThat(environment).containsEntry("COLLECTOR_HEALTH_PORT", "8081").doesNotContainKey("COLLECTOR_HEALTH_BIND");
        List<String> command = toList(check.path("Command")).stream().map(JsonNode::asText).toList();
        assertThat(command).startsWith("CMD", "/opt/java/bin/java")
                .endsWith("-cp", "/app/serverpulse-collector.jar", "io.serverpulse.collector.health.HealthProbe");
        // AND within ECS's bounds: a check may take the probe's 5 s timeout and a JVM's start; about 90 s of failures
        // replace the task; the start period leaves time for every shard to connect
        assertThat(check.path("Interval").asInt()).isBetween(5, 300);
        assertThat(check.path("Timeout").asInt()).isBetween(8, 60).isLessThan(check.path("Interval").asInt());
        assertThat(check.path("Retries").asInt()).isBetween(1, 10);
        assertThat(check.path("StartPeriod").asInt()).isBetween(60, 300);
        // AND the task runs on the architecture the image was built for
        assertThat(task.path("RuntimePlatform").path("CpuArchitecture").path("Ref").asText()).isEqualTo("CollectorCpuArchitecture");
        assertThat(toList(TEMPLATE.root().path("Parameters").path("CollectorCpuArchitecture").path("AllowedValues")))
                .extracting(JsonNode::asText).containsExactly("X86_64", "ARM64");
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
