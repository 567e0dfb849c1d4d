package io.serverpulse.interactions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.serverpulse.aws.secrets.AwsSecrets;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.SecretParameters;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import java.util.Objects;
import java.util.function.Supplier;
import org.crac.Core;

/**
 * The interactions function: a Lambda function URL or HTTP API (payload format 2.0) in front of
 * {@link InteractionsEndpoint}. Handler: {@code io.serverpulse.interactions.lambda.InteractionsFunction::handleRequest}.
 */
public final class InteractionsFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Supplier<InteractionsEndpoint> endpoint;
    /** Held strongly: the CRaC context keeps only weak references to its resources. */
    private final SnapStartPriming priming;
    private final RestoredSecrets<AwsWiring.Endpoint> secrets;

    /**
     * For the Lambda runtime: configuration from the environment with the secrets from SSM Parameter Store
     * (read again after a SnapStart restore), MongoDB, the worker invoked asynchronously.
     */
    public InteractionsFunction() {
        this(EnvSource.fromEnvironment(), AwsSecrets.kept());
        Core.getGlobalContext().register(priming);
        Core.getGlobalContext().register(secrets);
    }

    InteractionsFunction(EnvSource env, Supplier<? extends SecretParameters.Store> parameterStore) {
        this.secrets = new RestoredSecrets<>(() -> SecretParameters.load(env, parameterStore),
                config -> AwsWiring.endpoint(config, env), config -> AwsWiring.endpoint(config, env, AwsWiring.RESTORE_CONNECT_WAIT),
                AwsWiring.Endpoint::close);
        AwsWiring.Endpoint wiring = secrets.current();
        this.endpoint = () -> secrets.current().endpoint();
        this.priming = new SnapStartPriming(wiring.handler(), wiring.dispatcher()::client);
    }

    public InteractionsFunction(InteractionsEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        this.endpoint = () -> endpoint;
        this.priming = null;
        this.secrets = null;
    }

    /** The secrets' restore hook (tests call it as SnapStart does). */
    RestoredSecrets<AwsWiring.Endpoint> secrets() {
        return secrets;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEvents.response(endpoint.get().handle(HttpEvents.request(event)));
    }
}
