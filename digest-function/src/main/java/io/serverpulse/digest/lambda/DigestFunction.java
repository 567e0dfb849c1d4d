package io.serverpulse.digest.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.serverpulse.aws.secrets.AwsSecrets;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.digest.run.DigestRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The target of every guild's EventBridge Scheduler schedule ({@code aws-scheduler}): posts the guild's due
 * digest ({@link DigestRun}). Handler: {@code io.serverpulse.digest.lambda.DigestFunction::handleRequest}.
 */
public final class DigestFunction implements RequestStreamHandler {

    private final DigestRun run;

    /** For the Lambda runtime: configuration from the environment (secrets from SSM), MongoDB, Discord, the scheduler. */
    public DigestFunction() {
        this(DigestWiring.run(AwsSecrets.resolve(EnvSource.fromEnvironment())));
    }

    public DigestFunction(DigestRun run) {
        this.run = Objects.requireNonNull(run, "run");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(run.handle(input.readAllBytes()).getBytes(StandardCharsets.UTF_8));
    }
}
