package dev.costagent.core.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Makes {@link CostSource}s for one query engine, so that a command line or a configuration can name the engine
 * ({@code --engine memory|duckdb}) without compiling against it. Providers are found with {@link ServiceLoader}:
 * register an implementation in {@code META-INF/services/dev.costagent.core.source.CostSourceProvider} (class path)
 * or with {@code provides} in {@code module-info.java}. Core provides {@code memory} (the in-memory table);
 * {@code costagent-duckdb} provides {@code duckdb}.
 */
public interface CostSourceProvider {

    /** The engine's name as {@code --engine} takes it, in lower case: {@code memory}, {@code duckdb}. */
    String engine();

    /** A source over a FOCUS file or a directory of them (CSV, CSV.gz or Parquet). */
    CostSource source(Path location);

    /**
     * Does the engine's slow one-time set-up ahead of its first source, such as loading a native library, so that a
     * caller can run it on another thread while it parses its arguments. Safe to call from any thread, more than
     * once, or not at all; a failure here is left for the source to report. The default does nothing.
     */
    default void warmUp() {}

    /** Every provider installed, core's {@code memory} first, then the others by engine name. */
    static List<CostSourceProvider> installed() {
        List<CostSourceProvider> providers = new ArrayList<>();
        ServiceLoader.load(CostSourceProvider.class, CostSourceProvider.class.getClassLoader())
                .forEach(providers::add);
        providers.sort((a, b) -> a.engine().equals("memory")
                ? -1
                : b.engine().equals("memory") ? 1 : a.engine().compareTo(b.engine()));
        return List.copyOf(providers);
    }

    /**
     * The provider of the named engine.
     *
     * @throws IllegalArgumentException (one line, naming the installed engines) when no provider has that name
     */
    static CostSourceProvider forEngine(String engine) {
        String wanted = engine == null ? "" : engine.trim().toLowerCase(Locale.ROOT);
        List<CostSourceProvider> providers = installed();
        for (CostSourceProvider provider : providers) {
            if (provider.engine().equals(wanted)) {
                return provider;
            }
        }
        List<String> names = providers.stream().map(CostSourceProvider::engine).toList();
        throw new IllegalArgumentException("unknown engine '" + engine + "'; expected " + String.join(" or ", names));
    }
}
