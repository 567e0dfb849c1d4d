package io.serverpulse.alerts.lambda;

import io.serverpulse.alerts.post.NoticeDelivery;
import io.serverpulse.common.config.ServerPulseConfig;

/** The package-private wiring, for tests in other packages: what Lambda builds at init. */
public final class AlertWiringAccess {

    private AlertWiringAccess() {
    }

    public static NoticeDelivery delivery(ServerPulseConfig config) {
        return AlertWiring.delivery(config);
    }
}
