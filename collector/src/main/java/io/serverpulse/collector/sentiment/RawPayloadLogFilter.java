package io.serverpulse.collector.sentiment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps raw gateway payloads out of the log once the bot receives message content. JDA logs each
 * dispatch's JSON at TRACE ({@code MESSAGE_CREATE -> {...}}) and, on a handler error, at WARN or
 * ERROR; with the MESSAGE_CONTENT intent that JSON holds the message text. This Logback filter drops
 * every JDA log event with a raw payload ({@link DataObject} or {@link DataArray}) among its
 * arguments, whatever the configured levels; a dropped WARN or ERROR is replaced by a line with its
 * logger, level and format, without the arguments.
 *
 * <p>Installed only when sentiment is enabled (without MESSAGE_CONTENT the payloads carry no text,
 * and TRACE dumps stay available for debugging). If the logging backend is not Logback, a warning
 * says which logger must not be set to TRACE.
 */
public final class RawPayloadLogFilter extends TurboFilter {

    private static final String JDA = "net.dv8tion";
    private static final Logger log = LoggerFactory.getLogger(RawPayloadLogFilter.class);

    RawPayloadLogFilter() {
        setName("serverpulse-raw-payload-filter");
    }

    /** Adds the filter to Logback's context once (idempotent). */
    public static synchronized void install() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            log.warn("Logging is not Logback: keep the loggers under {} below TRACE, since their raw gateway payloads"
                    + " now contain message text", JDA);
            return;
        }
        if (context.getTurboFilterList().stream().anyMatch(f -> f instanceof RawPayloadLogFilter)) {
            return;
        }
        RawPayloadLogFilter filter = new RawPayloadLogFilter();
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                              Object[] params, Throwable t) {
        if (params == null || !logger.getName().startsWith(JDA) || !hasPayload(params)) {
            return FilterReply.NEUTRAL;
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            log.warn("{} logged a line at {} whose arguments hold a raw gateway payload, withheld because it may contain message"
                    + " text: {}{}", logger.getName(), level, format, t == null ? "" : " (" + t.getClass().getName() + ")");
        }
        return FilterReply.DENY;
    }

    private static boolean hasPayload(Object[] params) {
        for (Object param : params) {
            if (param instanceof DataObject || param instanceof DataArray) {
                return true;
            }
        }
        return false;
    }
}
