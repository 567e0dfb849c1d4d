package io.serverpulse.alerts.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertNoticeJson;
import io.serverpulse.common.alerts.AlertQueueMessage;
import io.serverpulse.common.testing.aws.LocalStack;
import io.serverpulse.alerts.support.AlertRig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The deployed shape on LocalStack (skipped cleanly where Docker is not available): the shaded
 * alert-function jar as a java21 Lambda function whose secrets are SSM SecureStrings (read at init),
 * consuming a FIFO queue through an SQS event source mapping with ReportBatchItemFailures, and a FIFO
 * dead-letter queue after 2 receives. Discord is unreachable on purpose: a malformed message is consumed
 * and dropped, an alert notice that cannot be posted ends in the dead-letter queue, unchanged.
 *
 * <p>LocalStack runs the function in a container of its own (through the Docker socket) on the same
 * network as MongoDB, which it reaches by its network alias.
 */
@Testcontainers(disabledWithoutDocker = true)
class AlertFunctionLocalStackIT {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse("mongo:7"))
            .withNetwork(NETWORK).withNetworkAliases("mongo");

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse(LocalStack.IMAGE))
            .withServices(LocalStackContainer.Service.LAMBDA, LocalStackContainer.Service.SQS, LocalStackContainer.Service.SSM)
            .withNetwork(NETWORK).withNetworkAliases("localstack")
            .withEnv("LAMBDA_DOCKER_NETWORK", NETWORK.getId())
            .withFileSystemBind("/var/run/docker.sock", "/var/run/docker.sock");

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build();
    }

    @Test
    void aNoticeThatCannotBePostedEndsInTheDeadLetterQueueAndAMalformedOneIsDropped() throws Exception {
        Path jar = Path.of(System.getProperty("serverpulse.lambda.jar.path"));
        assertThat(jar).exists();
        try (SsmClient ssm = client(SsmClient.builder().httpClient(UrlConnectionHttpClient.create()));
             SqsClient sqs = client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
             LambdaClient lambda = client(LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
            // GIVEN the secrets in Parameter Store, as an operator puts them
            ssm.putParameter(b -> b.name("/serverpulse/discord-token").type(ParameterType.SECURE_STRING)
                    .value("MTIxNzQ1NjM0ODc2MjE4MTYzMg.GhTest.localstack").overwrite(true));
            ssm.putParameter(b -> b.name("/serverpulse/mongodb-uri").type(ParameterType.SECURE_STRING)
                    .value("mongodb://mongo:27017/serverpulse?directConnection=true").overwrite(true));
            // AND the alert queue with its dead-letter queue after 2 receives
            String dlq = sqs.createQueue(b -> b.queueName("alerts-dlq.fifo")
                    .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String queue = sqs.createQueue(b -> b.queueName("alerts.fifo").attributes(Map.of(
                    QueueAttributeName.FIFO_QUEUE, "true",
                    QueueAttributeName.VISIBILITY_TIMEOUT, "40",
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            SdkBytes code = SdkBytes.fromByteArray(Files.readAllBytes(jar));
            // AND the function as template.yaml deploys it (its environment names the parameters), Discord unreachable
            lambda.createFunction(b -> b.functionName("serverpulse-alerts").runtime(Runtime.JAVA21)
                    .handler("io.serverpulse.alerts.lambda.AlertFunction::handleRequest")
                    .role("arn:aws:iam::000000000000:role/serverpulse-alerts")
                    .memorySize(512).timeout(30)
                    // a jar is a zip: Lambda takes the shaded jar as the function's deployment package
                    .code(c -> c.zipFile(code))
                    .environment(e -> e.variables(Map.of(
                            "SERVERPULSE_MODE", "aws",
                            "DISCORD_TOKEN_SSM_PARAMETER", "/serverpulse/discord-token",
                            "MONGODB_URI_SSM_PARAMETER", "/serverpulse/mongodb-uri",
                            "DISCORD_API_BASE_URL", "http://127.0.0.1:9/api/v10/",
                            "AWS_ENDPOINT_URL", "http://localstack:4566"))));
            lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("serverpulse-alerts"));
            lambda.createEventSourceMapping(b -> b.functionName("serverpulse-alerts").eventSourceArn(queueArn).batchSize(1)
                    .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));

            // WHEN a malformed message and a raid's OPENED notice are sent, as the collector sends
            sqs.sendMessage(b -> b.queueUrl(queue).messageGroupId("1").messageDeduplicationId("malformed").messageBody("not a notice"));
            AlertNotice opened = AlertNoticeJson.fromJson(new String(AlertRig.resource("alerts/notice-raid-opened.json"),
                    StandardCharsets.UTF_8));
            AlertQueueMessage message = AlertQueueMessage.of(opened);
            sqs.sendMessage(b -> b.queueUrl(queue).messageGroupId(message.groupId())
                    .messageDeduplicationId(message.deduplicationId()).messageBody(message.body()));

            // THEN the notice arrives, unchanged, in the dead-letter queue (after 2 failed receives), and only it
            List<Message> dead = List.of();
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (dead.isEmpty() && System.nanoTime() < deadline) {
                dead = sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(10)).messages();
            }
            assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(message.body()));
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values()).containsOnly("0");
        }
    }
}
