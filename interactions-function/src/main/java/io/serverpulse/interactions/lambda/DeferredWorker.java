package io.serverpulse.interactions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.interactions.deferred.DeferredRunner;
import io.serverpulse.interactions.deferred.FollowUpResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.crac.Core;

/**
 * The worker function, invoked asynchronously by the interactions function with {@code DeferredWork}
 * JSON: finishes the command and edits the member's {@code @original}. It reports the outcome as its
 * result and does not throw for a failed edit (a retry by Lambda a minute later would not help the
 * member). Handler: {@code io.serverpulse.interactions.lambda.DeferredWorker::handleRequest}.
 */
public final class DeferredWorker implements RequestStreamHandler {

    private final DeferredRunner runner;
    /** Held strongly: the CRaC context keeps only weak references to its resources. */
    private final WorkerPriming priming;

    /** For the Lambda runtime: configuration from the environment, MongoDB, Discord's REST API. */
    public DeferredWorker() {
        this.runner = AwsWiring.runner(ServerPulseConfig.load());
        this.priming = new WorkerPriming();
        Core.getGlobalContext().register(priming);
    }

    public DeferredWorker(DeferredRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.priming = null;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        FollowUpResult result = runner.run(input.readAllBytes());
        output.write(("{\"status\":\"" + result.status() + "\",\"http_status\":" + result.httpStatus() + "}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
