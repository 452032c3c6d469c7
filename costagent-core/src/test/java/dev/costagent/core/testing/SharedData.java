package dev.costagent.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real public data sets in {@code ../shared/data}; tests skip, naming the file, where they are absent. */
public final class SharedData {

    private SharedData() {}

    /** The path of a shared data file, or a skipped test when it is missing. */
    public static Path require(String relative) {
        Path file = root().resolve(relative);
        assumeTrue(
                Files.isRegularFile(file),
                () -> "skipped: shared data file " + file
                        + " is absent (it lives beside the project in ../shared/data; see README)");
        return file;
    }

    private static Path root() {
        String configured = System.getProperty("costagent.sharedData");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (String candidate : new String[] {"../shared/data", "../../shared/data"}) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return Path.of(configured != null ? configured : "../shared/data");
    }
}
