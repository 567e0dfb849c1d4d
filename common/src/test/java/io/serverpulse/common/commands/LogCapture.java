package io.serverpulse.common.commands;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every log line (all levels, with exceptions) while open. */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previous = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        this(Level.TRACE);
    }

    /** Captures lines at {@code level} and above (the console gets the same while open). */
    LogCapture(Level level) {
        appender.start();
        root.addAppender(appender);
        root.setLevel(level);
    }

    List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Every line as it would be written: level, logger, formatted message, exception and stack. */
    String all() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : events()) {
            text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                text.append(cause.getClassName()).append(": ").append(cause.getMessage()).append('\n');
                for (StackTraceElementProxy frame : cause.getStackTraceElementProxyArray()) {
                    text.append("  ").append(frame.getSTEAsString()).append('\n');
                }
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previous);
    }
}
