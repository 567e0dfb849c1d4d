package io.serverpulse.interactions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import java.util.Objects;
import org.crac.Core;

/**
 * The interactions function: a Lambda function URL or HTTP API (payload format 2.0) in front of
 * {@link InteractionsEndpoint}. Handler: {@code io.serverpulse.interactions.lambda.InteractionsFunction::handleRequest}.
 */
public final class InteractionsFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final InteractionsEndpoint endpoint;
    /** Held strongly: the CRaC context keeps only weak references to its resources. */
    private final SnapStartPriming priming;

    /** For the Lambda runtime: configuration from the environment, MongoDB, the worker invoked asynchronously. */
    public InteractionsFunction() {
        AwsWiring.Endpoint wiring = AwsWiring.endpoint(ServerPulseConfig.load(), EnvSource.fromEnvironment());
        this.endpoint = wiring.endpoint();
        this.priming = new SnapStartPriming(wiring.handler(), wiring.dispatcher()::client);
        Core.getGlobalContext().register(priming);
    }

    public InteractionsFunction(InteractionsEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.priming = null;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEvents.response(endpoint.handle(HttpEvents.request(event)));
    }
}
