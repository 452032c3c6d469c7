package dev.costagent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junitpioneer.jupiter.SetSystemProperty;
import org.slf4j.LoggerFactory;

/** The command line's logging: warnings and up on standard error, set up in code, unless a file is named. */
class CliLoggingTest {

    @Test
    void warningsAndUpGoToStandardError() {
        LoggerContext context = new LoggerContext();
        assertThat(new CliLogging().configure(context))
                .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        Appender<?> appender = root.getAppender("STDERR");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(((ConsoleAppender<?>) appender).getTarget()).isEqualTo("System.err");
        assertThat(appender.isStarted()).isTrue();
    }

    @Test
    void theLevelVariableNamesTheRootLevel() {
        assertThat(CliLogging.level("DEBUG")).isEqualTo(Level.DEBUG);
        assertThat(CliLogging.level("info")).isEqualTo(Level.INFO);
        assertThat(CliLogging.level(null)).isEqualTo(Level.WARN);
        assertThat(CliLogging.level("loud")).isEqualTo(Level.WARN);
    }

    @Test
    @SetSystemProperty(key = CliLogging.CONFIGURATION_FILE, value = "my-logback.xml")
    void aNamedFileConfiguresInstead() {
        LoggerContext context = new LoggerContext();
        assertThat(new CliLogging().configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"))
                .isNull();
    }

    @Test
    void logbackFindsItAndUsesIt() {
        assertThat(ServiceLoader.load(Configurator.class))
                .anySatisfy(c -> assertThat(c).isInstanceOf(CliLogging.class));
        LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(running.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"))
                .isInstanceOf(ConsoleAppender.class);
    }
}
