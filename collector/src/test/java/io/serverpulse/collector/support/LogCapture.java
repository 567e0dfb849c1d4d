package io.serverpulse.collector.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything the bot logs while it is installed, down to TRACE (JDA, the MongoDB driver, SQLite,
 * ServerPulse), formatted with arguments and stack traces, as a log file would hold it. The
 * emulator's own loggers are left out: they are Discord's side, which knows the message text.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final List<String> RAISED = List.of(Logger.ROOT_LOGGER_NAME, "net.dv8tion", "io.serverpulse",
            "org.mongodb.driver", "org.sqlite", "software.amazon.awssdk");

    private final StringBuilder text = new StringBuilder();
    private final Map<String, Level> previous = new HashMap<>();
    private long lines;

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture.setContext(context);
        capture.start();
        for (String name : RAISED) {
            Logger logger = context.getLogger(name);
            capture.previous.put(name, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
        // the emulator plays Discord: it holds the text, and its logs are not the bot's
        context.getLogger("io.serverpulse.emulator").setLevel(Level.OFF);
        context.getLogger("org.java_websocket").setLevel(Level.OFF);
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String line = event.getLoggerName() + " " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
        synchronized (text) {
            text.append(line).append('\n');
            lines++;
        }
    }

    public String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    public long lines() {
        synchronized (text) {
            return lines;
        }
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        previous.forEach((name, level) -> context.getLogger(name).setLevel(level));
        context.getLogger("io.serverpulse.emulator").setLevel(Level.WARN);
        context.getLogger("org.java_websocket").setLevel(null);
        stop();
    }
}
