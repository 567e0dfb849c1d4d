package io.serverpulse.interactions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.serverpulse.aws.secrets.AwsSecrets;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.SecretParameters;
import io.serverpulse.interactions.deferred.DeferredRunner;
import io.serverpulse.interactions.deferred.FollowUpResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;
import org.crac.Core;

/**
 * The worker function, invoked asynchronously by the interactions function with {@code DeferredWork}
 * JSON: finishes the command and edits the member's {@code @original}. It reports the outcome as its
 * result and does not throw for a failed edit (a retry by Lambda a minute later would not help the
 * member). Handler: {@code io.serverpulse.interactions.lambda.DeferredWorker::handleRequest}.
 */
public final class DeferredWorker implements RequestStreamHandler {

    private final Supplier<DeferredRunner> runner;
    /** Held strongly: the CRaC context keeps only weak references to its resources. */
    private final WorkerPriming priming;
    private final RestoredSecrets<AwsWiring.Worker> secrets;

    /**
     * For the Lambda runtime: configuration from the environment with the secrets from SSM Parameter Store
     * (read again after a SnapStart restore), MongoDB, Discord's REST API.
     */
    public DeferredWorker() {
        this(EnvSource.fromEnvironment(), AwsSecrets.kept());
        Core.getGlobalContext().register(priming);
        Core.getGlobalContext().register(secrets);
    }

    DeferredWorker(EnvSource env, Supplier<? extends SecretParameters.Store> parameterStore) {
        this.secrets = new RestoredSecrets<>(() -> SecretParameters.load(env, parameterStore), AwsWiring::worker,
                AwsWiring::worker, old -> old.store().close());
        this.runner = () -> secrets.current().runner();
        this.priming = new WorkerPriming();
    }

    public DeferredWorker(DeferredRunner runner) {
        Objects.requireNonNull(runner, "runner");
        this.runner = () -> runner;
        this.priming = null;
        this.secrets = null;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        FollowUpResult result = runner.get().run(input.readAllBytes());
        output.write(("{\"status\":\"" + result.status() + "\",\"http_status\":" + result.httpStatus() + "}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
