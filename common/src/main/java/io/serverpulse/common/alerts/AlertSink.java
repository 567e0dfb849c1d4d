package io.serverpulse.common.alerts;

/**
 * Where detected incidents go. In the AWS mode: an asynchronous invoke of {@code alert-function};
 * self-hosted: an in-process service that posts (or updates) an embed in the guild's update channel
 * with {@link AlertPoster}, then stores the record. Called on the detecting thread while the guild's
 * detector state is held, so an implementation must hand off quickly (queue, async invoke) and block
 * neither on Discord nor on the store.
 */
@FunctionalInterface
public interface AlertSink {

    void deliver(AlertNotice notice);
}
