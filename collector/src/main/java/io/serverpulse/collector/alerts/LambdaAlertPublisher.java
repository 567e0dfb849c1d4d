package io.serverpulse.collector.alerts;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertNoticeJson;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * AWS mode: hands each alert notice to {@code alert-function} with an asynchronous invoke
 * ({@link InvocationType#EVENT}: Lambda queues the event and answers 202 at once), the payload
 * being {@link AlertNoticeJson}. The function posts it; Lambda retries a failed run itself.
 */
public final class LambdaAlertPublisher implements AlertPublisher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LambdaAlertPublisher.class);

    private final LambdaClient lambda;
    private final String functionName;

    public LambdaAlertPublisher(LambdaClient lambda, String functionName) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
    }

    /** A client with the region and credentials of the environment (AWS_REGION, the instance or task role). */
    public static LambdaClient defaultClient() {
        return LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void publish(AlertNotice notice) {
        InvokeRequest request = InvokeRequest.builder()
                .functionName(functionName)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(AlertNoticeJson.toJson(notice)))
                .build();
        InvokeResponse response = lambda.invoke(request);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("alert-function invoke answered " + response.statusCode() + " instead of 202");
        }
        log.info("Handed alert {} {} to {}", notice.alert().id(), notice.kind(), functionName);
    }

    @Override
    public void close() {
        lambda.close();
    }
}
