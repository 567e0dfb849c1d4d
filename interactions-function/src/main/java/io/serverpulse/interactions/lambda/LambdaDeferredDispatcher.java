package io.serverpulse.interactions.lambda;

import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.lazy.Lazy;
import io.serverpulse.interactions.http.DeferredDispatcher;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Hands deferred work to the worker function with an asynchronous invoke ({@code InvocationType.EVENT}):
 * Lambda queues the event and answers 202 at once, so the DEFERRED answer still leaves within Discord's
 * 3 seconds. The payload is {@link DeferredWork#toJson()}.
 */
public final class LambdaDeferredDispatcher implements DeferredDispatcher {

    /** The whole invoke call, retries included, must fit well inside Discord's 3 seconds. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofMillis(1500);

    private static final Logger LOG = LoggerFactory.getLogger(LambdaDeferredDispatcher.class);

    private final Lazy<LambdaClient> client;
    private final String functionName;

    /** @param functionName the worker's name, ARN or {@code name:alias} */
    public LambdaDeferredDispatcher(LambdaClient lambda, String functionName) {
        this(Lazy.built(lambda), functionName);
    }

    /**
     * With a client built on first use: building the SDK client takes about half a second of a cold start
     * (measured, see BENCHMARKS.md), which PINGs and commands answered at once need not wait for. Under
     * SnapStart the priming builds it before the snapshot ({@link #client()}).
     */
    public LambdaDeferredDispatcher(Supplier<LambdaClient> clientFactory, String functionName) {
        this(Lazy.of(clientFactory), functionName);
    }

    private LambdaDeferredDispatcher(Lazy<LambdaClient> client, String functionName) {
        this.client = client;
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        if (functionName.isBlank()) {
            throw new IllegalArgumentException("the worker function name is blank");
        }
    }

    /** The client, built now if it was not yet. */
    public LambdaClient client() {
        return client.get();
    }

    /** A client for the function's own region and role (Lambda's environment), on the JDK's URL connection. */
    public static LambdaClient defaultClient() {
        return LambdaClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(1))
                        .build())
                .region(DefaultAwsRegionProviderChain.builder().build().getRegion())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(config -> config.apiCallTimeout(API_CALL_TIMEOUT))
                .build();
    }

    @Override
    public void dispatch(DeferredWork work) {
        InvokeResponse response;
        try {
            response = client().invoke(InvokeRequest.builder()
                    .functionName(functionName)
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String(work.toJson()))
                    .build());
        } catch (TooManyRequestsException | ApiCallTimeoutException e) {
            // throttled, or Lambda did not take the event in time: the member may try again shortly
            throw DispatchException.busy("invoking the worker was throttled or timed out: " + e.getClass().getSimpleName(), e);
        } catch (SdkException e) {
            throw new DispatchException("invoking the worker failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        if (response.statusCode() != 202) {
            throw new DispatchException("invoking the worker answered " + response.statusCode() + ", expected 202");
        }
        LOG.debug("Handed {} to the worker", work);
    }
}
