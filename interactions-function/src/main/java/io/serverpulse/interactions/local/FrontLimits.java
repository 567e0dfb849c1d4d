package io.serverpulse.interactions.local;

import java.time.Duration;
import java.util.Objects;

/**
 * What the local server's HTTP front allows a connection.
 *
 * @param maxConnections        open connections in all; a new one beyond is closed at once
 * @param maxPerAddress         open connections from one remote address; a new one beyond is closed at once
 * @param requestDeadline       a request's line, headers and body must all have arrived this long after its first
 *                              byte (on a new connection: after it was accepted), or the connection is closed
 * @param keepAlive             how long an idle connection is kept for its next request
 * @param writeDeadline         how long a client may take to read an answer
 * @param handlingDeadline      a guard only: the endpoint answers within its budget, far sooner
 * @param maxBody               the largest body handed to the endpoint (a larger one gets 413)
 * @param swallowBody           a body over {@code maxBody} is read and dropped up to this size, so the client
 *                              sees the 413; beyond it the connection is closed with the 413
 */
public record FrontLimits(int maxConnections, int maxPerAddress, Duration requestDeadline, Duration keepAlive,
                          Duration writeDeadline, Duration handlingDeadline, int maxBody, long swallowBody) {

    /** Discord's interaction payloads are a few kilobytes; a megabyte is far beyond any of them. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /**
     * 512 connections, 64 per address, a request within 1 s, 10 s of keep-alive, 10 s to read an answer.
     * Behind a reverse proxy every connection comes from the proxy's address: raise {@code maxPerAddress} to
     * {@code maxConnections} and let the proxy limit per client.
     */
    public static final FrontLimits DEFAULTS = new FrontLimits(512, 64, Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofSeconds(10), Duration.ofSeconds(30), MAX_BODY_BYTES, 4L * 1024 * 1024);

    public FrontLimits {
        if (maxConnections < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1");
        }
        for (Duration d : new Duration[] {requestDeadline, keepAlive, writeDeadline, handlingDeadline}) {
            Objects.requireNonNull(d, "deadline");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("deadlines must be positive: " + d);
            }
        }
        if (maxBody < 0 || swallowBody < maxBody) {
            throw new IllegalArgumentException("body limits: 0 <= maxBody <= swallowBody");
        }
    }

    public FrontLimits withConnections(int total, int perAddress) {
        return new FrontLimits(total, perAddress, requestDeadline, keepAlive, writeDeadline, handlingDeadline, maxBody,
                swallowBody);
    }

    public FrontLimits withRequestDeadline(Duration deadline) {
        return new FrontLimits(maxConnections, maxPerAddress, deadline, keepAlive, writeDeadline, handlingDeadline, maxBody,
                swallowBody);
    }
}
