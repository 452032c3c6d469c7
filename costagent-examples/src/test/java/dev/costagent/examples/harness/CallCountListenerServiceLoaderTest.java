package dev.costagent.examples.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.Load;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.PerfListener;
import dev.costagent.perf.spi.Plugins;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * The progress listener discovered through {@link java.util.ServiceLoader}.
 *
 * <p>The JUnit extension applies every discovered listener to every load test on the class path, so a services file
 * at the root of {@code src/test/resources} would add this listener to every load test of the module. Instead the
 * file lives under {@code src/test/resources/serviceloader-example/}, which is not a class-path root: this test puts
 * that directory on a class loader of its own and uses the programmatic opt-in, {@code .plugins(Plugins.discovered())}.
 */
class CallCountListenerServiceLoaderTest {

    private static final String SERVICES = "serviceloader-example/META-INF/services/" + PerfListener.class.getName();

    @Test
    void theModulesOwnClassPathRegistersNoListener() {
        assertThat(Plugins.discovered().listeners()).noneMatch(CallCountListener.class::isInstance);
    }

    @Test
    void aServicesFileOnTheClassPathRegistersIt() throws IOException {
        Plugins discovered;
        try (URLClassLoader withServices =
                new URLClassLoader(new URL[] {exampleRoot()}, getClass().getClassLoader())) {
            discovered = discoverWith(withServices);
        }
        // Only this example's listener is asserted: a harness jar may register listeners of its own.
        assertThat(discovered.listeners())
                .filteredOn(CallCountListener.class::isInstance)
                .hasSize(1);

        LoadResult result = Load.closed(2).iterations(300).plugins(discovered).run(() -> ExampleWork.hash(2));

        assertThat(result.attachment(CallCountListener.COMPLETED, Long.class)).contains(600L);
        assertThat(result.attachment(CallCountListener.WORKERS, Integer.class)).contains(2);
    }

    private static Plugins discoverWith(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return Plugins.discovered();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The directory holding {@code META-INF/services/...} for this example, as a class-path root URL. */
    private static URL exampleRoot() throws IOException {
        URL file = CallCountListenerServiceLoaderTest.class.getClassLoader().getResource(SERVICES);
        assertThat(file).as("test resource " + SERVICES).isNotNull();
        String text = file.toString();
        return URI.create(text.substring(0, text.length() - SERVICES.length() + "serviceloader-example/".length()))
                .toURL();
    }
}
