package dev.costagent.llm.reliability;

import java.time.Duration;

/** Waits. Injectable so that tests can check a wait without spending it. */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps, with {@link Thread#sleep(long, int)}. */
    Sleeper SYSTEM = duration -> {
        long nanos = duration.toNanos();
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
