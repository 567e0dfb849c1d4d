package io.serverpulse.interactions.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * One cold start of the interactions function in a fresh JVM, for {@code ColdStartBenchmark}: the runtime's
 * part (construct the handler from the environment: configuration, MongoDB; {@code --eager-client} also builds
 * the Lambda client at once), or with {@code --prime} that and the SnapStart priming, then the first invocation with a signed event from the environment
 * ({@code BENCH_BODY}, {@code BENCH_SIGNATURE}, {@code BENCH_TIMESTAMP}). Prints one line:
 * {@code PROBE status=… jvmToInitDoneMs=… primingMs=… firstInvokeMs=…}. Not a test.
 */
public final class ColdStartLambdaProbe {

    private ColdStartLambdaProbe() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        boolean prime = args.length > 0 && args[0].equals("--prime");
        boolean eagerClient = args.length > 0 && args[0].equals("--eager-client");
        EnvSource env = EnvSource.fromEnvironment();
        AwsWiring.Endpoint wiring = AwsWiring.endpoint(ServerPulseConfig.load(env), env);
        InteractionsFunction function = new InteractionsFunction(wiring.endpoint());
        if (eagerClient) {
            wiring.dispatcher().client(); // as the handler was before the client became lazy
        }
        long initDone = System.currentTimeMillis();
        long primingStart = System.nanoTime();
        if (prime) {
            new SnapStartPriming(wiring.handler(), wiring.dispatcher()::client).beforeCheckpoint(null);
        }
        long primingMs = (System.nanoTime() - primingStart) / 1_000_000;
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(Map.of("content-type", "application/json",
                "x-signature-ed25519", System.getenv("BENCH_SIGNATURE"),
                "x-signature-timestamp", System.getenv("BENCH_TIMESTAMP")));
        event.setBody(System.getenv("BENCH_BODY"));
        event.setIsBase64Encoded(false);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build()).build());
        long invokeStart = System.nanoTime();
        APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
        long invokeMs = (System.nanoTime() - invokeStart) / 1_000_000;
        System.out.println("PROBE status=" + response.getStatusCode() + " jvmToInitDoneMs=" + (initDone - jvmStart)
                + " primingMs=" + primingMs + " firstInvokeMs=" + invokeMs);
        System.exit(0);
    }
}
