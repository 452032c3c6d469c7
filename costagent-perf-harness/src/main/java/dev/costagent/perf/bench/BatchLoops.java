package dev.costagent.perf.bench;

import dev.costagent.perf.Blackhole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Makes the loop each benchmark run measures: one hidden class per run (see {@link BatchLoop}). */
final class BatchLoops {

    /** Runs a benchmark's operation {@code batch} times. */
    interface Loop {
        void run(Blackhole blackhole, long batch) throws Exception;
    }

    private static final byte[] TEMPLATE = template();

    private BatchLoops() {}

    /** A loop of its own for {@code operation}: a hidden class whose call site sees this operation alone. */
    static Loop of(BenchmarkOperation operation) {
        try {
            MethodHandles.Lookup hidden =
                    MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE, operation, true);
            return (Loop) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define the benchmark loop: " + e, e);
        }
    }

    private static byte[] template() {
        try (InputStream in = BatchLoop.class.getResourceAsStream("BatchLoop.class")) {
            if (in == null) {
                throw new IllegalStateException("BatchLoop.class is not readable from the harness jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
