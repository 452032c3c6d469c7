package dev.costagent.perf.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A directory of baseline JSON files, one per benchmark name ({@code <name>.json}).
 *
 * <p>The default directory is {@value #DEFAULT_DIRECTORY} (kept in version control, unlike {@code target}),
 * overridable with the system property {@value #DIRECTORY_PROPERTY}.
 */
public final class BaselineStore {

    /** System property naming the baseline directory. */
    public static final String DIRECTORY_PROPERTY = "perf.baselineDir";

    /** The baseline directory when {@value #DIRECTORY_PROPERTY} is not set, relative to the working directory. */
    public static final String DEFAULT_DIRECTORY = "src/test/perf-baselines";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    private BaselineStore(Path directory) {
        this.directory = directory;
    }

    /** A store in {@code directory} (created on first save). */
    public static BaselineStore at(Path directory) {
        return new BaselineStore(directory);
    }

    /** The store configured by {@value #DIRECTORY_PROPERTY}, or {@value #DEFAULT_DIRECTORY}. */
    public static BaselineStore fromSystemProperties() {
        return at(Path.of(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY)));
    }

    /** The directory of this store. */
    public Path directory() {
        return directory;
    }

    /** The file that holds (or will hold) the baseline called {@code name}. */
    public Path fileFor(String name) {
        return directory.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }

    /** The baseline called {@code name}, if recorded; a corrupt file fails with its path in the message. */
    public Optional<Baseline> load(String name) {
        Path file = fileFor(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Baseline.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes (or replaces) the baseline; returns the file written. */
    public Path save(Baseline baseline) {
        Path file = fileFor(baseline.name());
        try {
            Files.createDirectories(directory);
            JSON.writeValue(file.toFile(), baseline);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baseline " + file + ": " + e.getMessage(), e);
        }
    }
}
