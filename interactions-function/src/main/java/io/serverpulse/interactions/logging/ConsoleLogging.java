package io.serverpulse.interactions.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The deployable's logging, set up in code rather than from a {@code logback.xml}: the XML configurator and its
 * model (some 400 classes and the parse) were the largest part of the local server's start before its port
 * opened. One line per event on standard output (Lambda adds the request id and time), the MongoDB driver and the
 * AWS SDK at WARN, everything else at INFO.
 *
 * <p>Ranked below logback's own XML configurator and above its fallback: a {@code logback.xml} or
 * {@code logback-test.xml} on the classpath (or {@code -Dlogback.configurationFile}) still takes precedence.
 * Registered in {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 */
@ConfiguratorRank(ConfiguratorRank.FALLBACK + 5)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("org.mongodb.driver").setLevel(Level.WARN);
        context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
