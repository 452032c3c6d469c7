package dev.costagent.perf.profile;

import dev.costagent.perf.spi.LoadProfile;
import java.time.Duration;

/** {@code calls} starts all intended at the same instant, the start of the run. */
final class BurstProfile implements LoadProfile {

    private final long calls;

    BurstProfile(long calls) {
        if (calls <= 0) {
            throw new IllegalArgumentException("a burst needs a positive number of calls, got " + calls);
        }
        this.calls = calls;
    }

    @Override
    public Schedule schedule() {
        return new Schedule() {
            private long issued;

            @Override
            public long nextStartNanos() {
                return issued++ < calls ? 0 : END;
            }
        };
    }

    @Override
    public Duration duration() {
        return Duration.ZERO;
    }

    @Override
    public String description() {
        return "burst of " + calls + " calls";
    }

    @Override
    public LoadProfile scaled(double timeFactor, double rateFactor) {
        return new BurstProfile(Math.max(1, Math.round(calls * rateFactor)));
    }
}
