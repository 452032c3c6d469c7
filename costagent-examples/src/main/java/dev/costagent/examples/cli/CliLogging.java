package dev.costagent.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The command line's logging, set up in code: warnings and up on standard error (standard output carries results),
 * or the level named by {@code COSTAGENT_LOG_LEVEL} ({@code DEBUG}, {@code INFO}, ...). Logback finds it through
 * {@link java.util.ServiceLoader} before it looks for a {@code logback.xml}: reading an XML file (a SAX parser and
 * logback's configuration interpreter, hundreds of classes and call sites, run once) took about 50 ms of every command
 * that logs, a tenth of {@code ingest} on a small file. A file named by {@code -Dlogback.configurationFile} is still
 * read as usual, instead of this.
 */
public final class CliLogging extends ContextAwareBase implements Configurator {

    /** The property naming a logback configuration file; when set, that file configures logging. */
    static final String CONFIGURATION_FILE = "logback.configurationFile";

    /** The environment variable naming the root level (default {@code WARN}). */
    static final String LEVEL_VARIABLE = "COSTAGENT_LOG_LEVEL";

    /** Created by logback's service loader. */
    public CliLogging() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(CONFIGURATION_FILE) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getenv(LEVEL_VARIABLE)));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The root level a variable's value names; {@code WARN} when unset or not a level. */
    static Level level(String name) {
        return Level.toLevel(name, Level.WARN);
    }
}
