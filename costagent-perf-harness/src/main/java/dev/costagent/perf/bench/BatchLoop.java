package dev.costagent.perf.bench;

import dev.costagent.perf.Blackhole;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;

/**
 * The innermost loop of a benchmark, as a template: {@link BatchLoops} defines a fresh hidden copy of this class for
 * every benchmark run, with the run's operation as the copy's class data. Two things follow, as in JMH's generated
 * code: the call site in the loop has only ever seen one operation (the profile of a shared loop would mix every
 * benchmark the JVM ran, and a call site that saw two or three is compiled as a type switch, or not inlined), and the
 * operation is a {@code static final} constant, so the optimising compiler inlines it and, through its trusted
 * final fields, any method handle it calls.
 *
 * <p>Never used directly: loaded only as bytes, so its static initialiser runs in hidden copies alone.
 */
final class BatchLoop implements BatchLoops.Loop {

    private static final BenchmarkOperation OPERATION = classData();

    BatchLoop() {}

    @Override
    public void run(Blackhole blackhole, long batch) throws Exception {
        for (long i = 0; i < batch; i++) {
            OPERATION.run(blackhole);
        }
    }

    private static BenchmarkOperation classData() {
        try {
            return MethodHandles.classData(
                    MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, BenchmarkOperation.class);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the batch loop template must be defined as a hidden class", e);
        }
    }
}
