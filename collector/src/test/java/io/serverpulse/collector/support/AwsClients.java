package io.serverpulse.collector.support;

import io.serverpulse.common.testing.aws.AwsJsonStandIn;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Real AWS SDK v2 clients pointed at a local stand-in, with fixed test credentials. */
public final class AwsClients {

    public static final String ACCESS_KEY = "AKIDSERVERPULSETEST";

    private AwsClients() {
    }

    public static SsmClient ssm(AwsJsonStandIn standIn) {
        return SsmClient.builder()
                .endpointOverride(standIn.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static SqsClient sqs(AwsJsonStandIn standIn) {
        return SqsClient.builder()
                .endpointOverride(standIn.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
