package io.serverpulse.interactions.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.serverpulse.common.config.ReferenceFiles;
import io.serverpulse.common.config.SecretParameters;
import io.serverpulse.common.config.ServerPulseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** template.yaml at the repository root: valid against the SAM schema, and consistent with the code it deploys. */
class SamTemplateTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    /** CloudFormation's short-form tags: a plain YAML parser would read "!Ref X" as the string X without complaint. */
    private static final Pattern SHORT_FORM = Pattern.compile("(?m)(^|[\\s:\\[,-])!(Ref|GetAtt|Sub|If|Equals|Not|And|Or|Join|Select|Split"
            + "|FindInMap|GetAZs|ImportValue|Base64|Cidr|Condition|Transform)\\b");
    private static boolean noticePrinted;

    private static String text;
    private static JsonNode template;
    private static Optional<SamSchema> schema;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(templatePath());
        template = YAML.readTree(text);
        schema = SamSchema.find();
    }

    static Path templatePath() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new AssertionError("template.yaml not found at the repository root");
    }

    private static SamSchema schemaOrSkip() {
        if (schema.isEmpty()) {
            synchronized (SamTemplateTest.class) {
                if (!noticePrinted) {
                    System.out.println(ReferenceFiles.samMissingNotice());
                    noticePrinted = true;
                }
            }
        }
        assumeTrue(schema.isPresent(), ReferenceFiles.samMissingNotice());
        return schema.get();
    }

    private static JsonNode resource(String name) {
        JsonNode resource = template.path("Resources").path(name);
        assertThat(resource.isObject()).as("resource %s", name).isTrue();
        return resource.path("Properties");
    }

    @Test
    void theTemplateIsValidAgainstTheSamSchema() {
        // GIVEN the SAM schema beside the repository
        SamSchema sam = schemaOrSkip();

        // WHEN the template is validated / THEN no problem at all
        assertThat(sam.validate(template)).isEmpty();
        assertThat(template.path("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a misspelled property
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handlr: io.serverpulse.interactions.lambda.InteractionsFunction::handleRequest
            """,
            // a function URL without its required AuthType
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: x::y
                  FunctionUrlConfig:
                    Cors: {}
            """,
            // properties that are not an object
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  - Handler: x::y
            """,
            // a SAM resource type that does not exist
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Lambda
                Properties: {}
            """,
            // an hourly schedule (as the drop check's) with a misspelled property
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: x::y
                  Events:
                    Hourly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpresion: cron(5 * * * ? *)
            """,
            // event invoke settings with a key SAM does not know
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: x::y
                  EventInvokeConfig:
                    MaximumRetries: 0
            """})
    void aBrokenTemplateFailsTheValidation(String broken) throws IOException {
        // GIVEN the schema and a deliberately broken snippet
        SamSchema sam = schemaOrSkip();
        JsonNode snippet = YAML.readTree("AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::Serverless-2016-10-31\n" + broken);

        // WHEN / THEN the validation finds it
        List<String> problems = sam.validate(snippet);
        assertThat(problems).as("problems found in\n%s", broken).isNotEmpty();
        assertThat(problems).allMatch(problem -> problem.startsWith("Fn: ") || problem.startsWith("template: "));
    }

    @Test
    void intrinsicFunctionsAreWrittenInTheirLongForm() {
        // GIVEN / WHEN the template's text / THEN no short-form tag a plain YAML parser would silently misread
        assertThat(SHORT_FORM.matcher(text).find()).as("short-form tag in template.yaml").isFalse();
        assertThat(SHORT_FORM.matcher("Value: !Ref DeferredWorkerFunction").find()).isTrue();
        assertThat(SHORT_FORM.matcher("  - !GetAtt Fn.Arn").find()).isTrue();
    }

    @Test
    void theHandlersAreTheModulesHandlerClasses() throws Exception {
        // GIVEN / WHEN the handler strings / THEN each names a class of this module implementing Lambda's interface
        Class<?> interactions = Class.forName(handlerClass("InteractionsFunction"));
        Class<?> worker = Class.forName(handlerClass("DeferredWorkerFunction"));
        assertThat(RequestHandler.class).isAssignableFrom(interactions);
        assertThat(RequestStreamHandler.class).isAssignableFrom(worker);
        assertThat(interactions.getConstructor()).isNotNull();
        assertThat(worker.getConstructor()).isNotNull();
        assertThat(resource("InteractionsFunction").path("Handler").asText()).endsWith("::handleRequest");
    }

    private static String handlerClass(String resource) {
        return resource(resource).path("Handler").asText().replaceAll("::.*", "");
    }

    @Test
    void theFunctionsRunTheShadedJarOnAJavaRuntime() {
        // GIVEN / WHEN the global function settings
        JsonNode globals = template.path("Globals").path("Function");

        // THEN a Java 17+ runtime and the jar maven-shade builds
        assertThat(globals.path("Runtime").asText()).isIn("java17", "java21");
        assertThat(globals.path("CodeUri").asText()).isEqualTo("interactions-function/target/" + System.getProperty("serverpulse.lambda.jar"));
    }

    @Test
    void theEndpointIsAFunctionUrlOnASnapStartAlias() {
        // GIVEN / WHEN the interactions function
        JsonNode function = resource("InteractionsFunction");

        // THEN SnapStart on published versions, an alias for the URL to point at, an open URL (Discord signs, not IAM)
        assertThat(function.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(function.path("AutoPublishAlias").asText()).isEqualTo("live");
        assertThat(function.path("FunctionUrlConfig").path("AuthType").asText()).isEqualTo("NONE");
        assertThat(function.path("Timeout").asInt()).isBetween(4, 30);
        assertThat(template.path("Outputs").path("InteractionsEndpointUrl").path("Value").path("Fn::GetAtt").get(0).asText())
                .isEqualTo("InteractionsFunctionUrl");
    }

    @Test
    void theEndpointMayInvokeTheWorkerAndKnowsItsAlias() {
        // GIVEN / WHEN the interactions function's policies and environment
        JsonNode function = resource("InteractionsFunction");

        // THEN it may invoke the worker function, and is told the worker's alias
        assertThat(function.path("Policies").findValues("LambdaInvokePolicy")).singleElement()
                .satisfies(policy -> assertThat(policy.path("FunctionName").path("Ref").asText()).isEqualTo("DeferredWorkerFunction"));
        assertThat(function.path("Environment").path("Variables").path("WORKER_FUNCTION_NAME").path("Fn::Sub").asText())
                .isEqualTo("${DeferredWorkerFunction}:live");
        assertThat(resource("DeferredWorkerFunction").path("AutoPublishAlias").asText()).isEqualTo("live");
    }

    @Test
    void theEnvironmentCarriesEverySettingTheHandlersRequire() {
        // GIVEN / WHEN the global environment
        JsonNode variables = template.path("Globals").path("Function").path("Environment").path("Variables");

        // THEN the names are the ones the configuration reads, each from a parameter; the MongoDB URI by its SSM parameter
        for (String name : List.of(SecretParameters.referenceVariable(ServerPulseConfig.MONGODB_URI),
                ServerPulseConfig.DISCORD_PUBLIC_KEY, ServerPulseConfig.DISCORD_APPLICATION_ID, ServerPulseConfig.MESSAGE_CONTENT_INTENT)) {
            String parameter = variables.path(name).path("Ref").asText();
            assertThat(template.path("Parameters").has(parameter)).as("%s comes from a parameter", name).isTrue();
        }
        assertThat(variables.path(ServerPulseConfig.MODE).asText()).isEqualTo("aws");
        // the endpoint and the worker read the master key (only they encrypt and decrypt AI keys), when one is named
        for (String function : List.of("InteractionsFunction", "DeferredWorkerFunction")) {
            JsonNode masterKey = resource(function).path("Environment").path("Variables")
                    .path(SecretParameters.referenceVariable(ServerPulseConfig.MASTER_KEY)).path("Fn::If");
            assertThat(masterKey.get(0).asText()).isEqualTo("HasMasterKey");
            assertThat(masterKey.get(1).path("Ref").asText()).isEqualTo("MasterKeyParameter");
            assertThat(masterKey.get(2).path("Ref").asText()).isEqualTo("AWS::NoValue");
        }
        // the operator's sentiment switch is off unless set, and only takes values the configuration accepts
        JsonNode contentIntent = template.path("Parameters").path("EnableMessageContentIntent");
        assertThat(contentIntent.path("Default").asText()).isEqualTo("false");
        assertThat(contentIntent.path("AllowedValues")).extracting(JsonNode::asText).containsExactly("true", "false");
    }

    @Test
    void theWorkerIsNotRetriedByLambdaAfterTheTokenHasAged() {
        // GIVEN / WHEN the worker's asynchronous invoke settings
        JsonNode invoke = resource("DeferredWorkerFunction").path("EventInvokeConfig");

        // THEN no automatic retries, and events older than the interaction token's 15 minutes are dropped
        assertThat(invoke.path("MaximumRetryAttempts").asInt(-1)).isZero();
        assertThat(invoke.path("MaximumEventAgeInSeconds").asInt()).isLessThan(15 * 60);
    }
}
