package dev.costagent.core.source;

import java.nio.file.Path;

/** The {@code memory} engine: FOCUS files read into the in-memory cost table ({@link FocusFileSource}). */
public final class InMemorySourceProvider implements CostSourceProvider {

    /** For {@link java.util.ServiceLoader}. */
    public InMemorySourceProvider() {}

    @Override
    public String engine() {
        return "memory";
    }

    @Override
    public CostSource source(Path location) {
        return FocusFileSource.of(location);
    }
}
