package io.serverpulse.alerts.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.serverpulse.alerts.post.NoticeDelivery;
import io.serverpulse.common.config.ServerPulseConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The alert function, invoked asynchronously by the collector with an {@code AlertNoticeJson} payload:
 * posts the alert to the guild's update channel, or marks its message as ended. Throws only for a
 * failure a retry may overcome (see {@link NoticeDelivery}). Handler:
 * {@code io.serverpulse.alerts.lambda.AlertFunction::handleRequest}.
 */
public final class AlertFunction implements RequestStreamHandler {

    private final NoticeDelivery delivery;

    /** For the Lambda runtime: configuration from the environment, MongoDB, Discord's REST API. */
    public AlertFunction() {
        this(AlertWiring.delivery(ServerPulseConfig.load()));
    }

    public AlertFunction(NoticeDelivery delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(delivery.deliver(input.readAllBytes()).json().getBytes(StandardCharsets.UTF_8));
    }
}
