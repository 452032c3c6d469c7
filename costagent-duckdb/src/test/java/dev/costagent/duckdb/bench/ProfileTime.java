package dev.costagent.duckdb.bench;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.DataProfile;
import dev.costagent.duckdb.DuckDbQueryEngine;
import java.nio.file.Path;

/**
 * The DuckDB engine's profile timed in one process (docs/performance.md, Engines): {@code FILE full|summary ROUNDS}
 * opens the engine ROUNDS times and prints the wall time of {@code profile()} or {@code summaryProfile()} each time
 * (the first round is a cold JVM's). Test scope only.
 */
public final class ProfileTime {

    private ProfileTime() {}

    /** Times the profile. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        boolean full = args[1].equals("full");
        int rounds = Integer.parseInt(args[2]);
        for (int i = 0; i < rounds; i++) {
            try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(file, ReadOptions.DEFAULTS)) {
                long start = System.nanoTime();
                DataProfile profile = full ? engine.profile() : engine.summaryProfile();
                long nanos = System.nanoTime() - start;
                System.out.printf(
                        "%s profile %.3f s: %,d rows, %d data-quality findings, granularity %s%n",
                        full ? "full" : "summary",
                        nanos / 1e9,
                        profile.rows(),
                        profile.dataQuality().size(),
                        profile.input().granularity());
            }
        }
    }
}
