package io.serverpulse.collector.alerts;

import io.serverpulse.common.alerts.AlertNotice;

/**
 * Hands a detected incident on, after it was stored: posts it to Discord (self-hosted) or sends it
 * to the alert queue that {@code alert-function} consumes (AWS). Throws when it could not; the {@link AlertDispatcher} retries.
 */
@FunctionalInterface
public interface AlertPublisher {

    void publish(AlertNotice notice) throws Exception;
}
