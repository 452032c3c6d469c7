package dev.costagent.perf.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of a benchmark fork: reads the {@link ForkRequest} its parent wrote, runs the benchmark in this
 * fresh JVM and writes a {@link ForkOutcome} as JSON to the result file. Not for direct use; {@link Forks} starts
 * it as {@code java -cp <the parent's class path> dev.costagent.perf.bench.ForkMain <request.json> <result.json>}.
 * Exit code 0 when the outcome was written (even one that says the benchmark failed), 2 when it could not be.
 */
public final class ForkMain {

    /** System property set in a fork that runs a JUnit test: where the {@link BenchmarkExtension} writes. */
    public static final String RESULT_PROPERTY = "perf.fork.result";

    static final ObjectMapper JSON = new ObjectMapper();

    private ForkMain() {}

    /**
     * Runs one fork.
     *
     * @param args the request file and the result file
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ForkMain <request.json> <result.json>");
            System.exit(2);
        }
        Path resultFile = Path.of(args[1]);
        ForkOutcome outcome;
        try {
            ForkRequest request = JSON.readValue(Path.of(args[0]).toFile(), ForkRequest.class);
            outcome = switch (request.mode()) {
                case METHOD ->
                    ForkOutcome.measured(BenchmarkRunner.fromSettings(request.settings())
                            .run(BenchmarkMethods.operation(Class.forName(request.className()), request.methodName())));
                case JUNIT -> ForkedTest.run(request, resultFile);
            };
        } catch (Throwable e) {
            outcome = ForkOutcome.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        try {
            if (outcome != null) {
                write(resultFile, outcome);
            }
        } catch (IOException e) {
            System.err.println("cannot write " + resultFile + ": " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    static void write(Path file, ForkOutcome outcome) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        JSON.writeValue(partial.toFile(), outcome);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
