package io.serverpulse.collector.health;

import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where the health endpoint listens: {@code COLLECTOR_HEALTH_PORT} (unset: no endpoint) on
 * {@code COLLECTOR_HEALTH_BIND} (default {@code 127.0.0.1}, reachable from inside the machine or
 * container only; {@code 0.0.0.0} to publish it, e.g. for {@code docker run -p}).
 *
 * @param address empty when the endpoint is off
 */
public record HealthSettings(Optional<InetSocketAddress> address) {

    public static final String PORT = "COLLECTOR_HEALTH_PORT";
    public static final String BIND = "COLLECTOR_HEALTH_BIND";
    public static final String DEFAULT_BIND = "127.0.0.1";

    /** @throws ConfigException naming the variable when a value is malformed */
    public static HealthSettings load(EnvSource env) {
        if (env.get(PORT).isEmpty()) {
            return new HealthSettings(Optional.empty());
        }
        int port = env.intValue(PORT, 0, 1, 65_535);
        String bind = env.get(BIND).orElse(DEFAULT_BIND);
        return new HealthSettings(Optional.of(new InetSocketAddress(ipAddress(bind), port)));
    }

    private static InetAddress ipAddress(String bind) {
        if (!bind.matches("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
            throw invalidBind(bind);
        }
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw invalidBind(bind);
        }
    }

    private static ConfigException invalidBind(String bind) {
        return new ConfigException(BIND, "Invalid " + BIND + "=" + bind + ": expected an IP address such as 127.0.0.1 or 0.0.0.0");
    }

    /**
     * Opens the endpoint (answering "starting" until the collector runs), or returns empty when it is off.
     *
     * @throws ConfigException naming {@link #PORT} when the address cannot be bound
     */
    public Optional<HealthServer> open() {
        if (address.isEmpty()) {
            return Optional.empty();
        }
        InetSocketAddress at = address.get();
        try {
            return Optional.of(HealthServer.start(at));
        } catch (IOException e) {
            throw new ConfigException(PORT, "Invalid " + PORT + "=" + at.getPort() + ": cannot listen on "
                    + at.getAddress().getHostAddress() + ":" + at.getPort() + " (" + reason(e) + ")");
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("in use") ? "the port is in use" : e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** Where {@link HealthProbe} asks: the bound address, or loopback when bound to every interface. */
    public Optional<InetSocketAddress> probeAddress() {
        return address.map(at -> at.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), at.getPort()) : at);
    }
}
