package io.serverpulse.digest.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.serverpulse.aws.secrets.AwsSecrets;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.digest.run.ScheduleSync;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The daily reconciliation of every guild's digest schedule with its settings ({@link ScheduleSync}), on a
 * schedule of its own. Handler: {@code io.serverpulse.digest.lambda.ScheduleSyncFunction::handleRequest}.
 */
public final class ScheduleSyncFunction implements RequestStreamHandler {

    private final ScheduleSync sync;

    /** For the Lambda runtime: configuration from the environment (secrets from SSM), MongoDB, Discord, the scheduler. */
    public ScheduleSyncFunction() {
        this(DigestWiring.sync(AwsSecrets.resolve(EnvSource.fromEnvironment())));
    }

    public ScheduleSyncFunction(ScheduleSync sync) {
        this.sync = Objects.requireNonNull(sync, "sync");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(sync.run().getBytes(StandardCharsets.UTF_8));
    }
}
