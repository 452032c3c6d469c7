package dev.costagent.core.analysis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real public data in {@code ../shared/data}; tests skip, naming the file, where it is absent. */
public final class SharedData {
    private SharedData() {}

    /** The file under the shared data directory; skips the calling test when it is missing. */
    public static Path require(String relative) {
        String property = System.getProperty("costagent.sharedData");
        for (Path base : new Path[] {
            property == null ? null : Path.of(property), Path.of("../shared/data"), Path.of("../../shared/data")
        }) {
            if (base != null && Files.isRegularFile(base.resolve(relative))) {
                return base.resolve(relative);
            }
        }
        assumeTrue(false, "shared data file missing: ../shared/data/" + relative + " (test skipped)");
        throw new AssertionError("unreachable");
    }
}
