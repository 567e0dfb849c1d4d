package io.serverpulse.alerts.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.serverpulse.alerts.drops.DropCheck;
import io.serverpulse.alerts.drops.ScheduledTime;
import io.serverpulse.aws.secrets.AwsSecrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * The hourly activity-drop check, the target of an EventBridge Scheduler schedule whose input is
 * {@code {"scheduled_time": "<aws.scheduler.scheduled-time>"}} (see {@link ScheduledTime}). Handler:
 * {@code io.serverpulse.alerts.lambda.DropCheckFunction::handleRequest}.
 */
public final class DropCheckFunction implements RequestStreamHandler {

    private final DropCheck check;
    private final Clock clock;

    /** For the Lambda runtime: configuration from the environment (secrets from SSM), MongoDB, Discord's REST API. */
    public DropCheckFunction() {
        this(AlertWiring.dropCheck(AwsSecrets.load()), Clock.systemUTC());
    }

    public DropCheckFunction(DropCheck check, Clock clock) {
        this.check = Objects.requireNonNull(check, "check");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(check.run(ScheduledTime.of(input.readAllBytes(), clock)).json().getBytes(StandardCharsets.UTF_8));
    }
}
