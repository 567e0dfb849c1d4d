package io.serverpulse.common.alerts;

/**
 * Where detected incidents go. In the AWS mode: an asynchronous invoke of {@code alert-function};
 * self-hosted: an in-process service that stores the record and posts (or updates) an embed in the
 * guild's update channel. Called on the detecting thread while the guild's detector state is held,
 * so an implementation must hand off quickly (queue, async invoke) and not block on Discord.
 */
@FunctionalInterface
public interface AlertSink {

    void deliver(AlertNotice notice);
}
