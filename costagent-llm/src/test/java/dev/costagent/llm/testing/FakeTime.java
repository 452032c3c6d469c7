package dev.costagent.llm.testing;

import com.google.common.base.Ticker;
import dev.costagent.llm.reliability.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker that only moves when something sleeps on it; records every sleep. */
public final class FakeTime extends Ticker implements Sleeper {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long read() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        nanos.addAndGet(duration.toNanos());
    }

    /** Moves time forward without recording a sleep. */
    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Every sleep so far. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
