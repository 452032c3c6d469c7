package dev.costagent.core.source;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.input.FocusInput;
import dev.costagent.core.table.CostTable;
import java.nio.file.Path;

/** FOCUS files: one {@code .csv}, {@code .csv.gz} or {@code .parquet} file, or a directory of them. */
public final class FocusFileSource implements CostSource {

    private final Path path;

    private FocusFileSource(Path path) {
        this.path = requireNonNull(path, "path");
    }

    /** A source reading a file or directory. */
    public static FocusFileSource of(Path path) {
        return new FocusFileSource(path);
    }

    /** The file or directory. */
    public Path path() {
        return path;
    }

    @Override
    public String id() {
        return "file:" + path.toAbsolutePath().normalize();
    }

    @Override
    public String version() {
        return FocusInput.version(FocusInput.files(path));
    }

    @Override
    public CostTable load(ReadOptions options) {
        return CostTable.read(path, options);
    }

    @Override
    public String toString() {
        return id();
    }
}
