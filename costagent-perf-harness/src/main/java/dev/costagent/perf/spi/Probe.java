package dev.costagent.perf.spi;

/**
 * A gauge sampled once per second during a run and recorded in the per-second series under its {@link #name()}:
 * queue depth, open connections, cache size. Sampling happens on the harness's sampler thread, never on a worker, so
 * a probe may take a lock or read an MXBean, but it should return within a millisecond.
 */
public interface Probe {

    /** The series name, unique within a run, such as {@code "queue.depth"}. */
    String name();

    /** The current value. */
    double sample();

    /** A probe from a name and a sampling function, for lambdas: {@code Probe.of("queue", queue::size)}. */
    static Probe of(String name, java.util.function.DoubleSupplier sampler) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(sampler, "sampler");
        return new Probe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double sample() {
                return sampler.getAsDouble();
            }

            @Override
            public String toString() {
                return "Probe[" + name + "]";
            }
        };
    }
}
