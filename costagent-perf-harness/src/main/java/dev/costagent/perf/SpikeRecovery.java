package dev.costagent.perf;

import dev.costagent.perf.spi.LoadProfile.Phase;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Computes {@link Recovery} from a result's series: the baseline is the median per-second p95 before the spike;
 * recovery is the first second after the spike whose p95 (and the next second's, if any) is within the tolerance.
 * A second in which nothing completed never counts as recovered.
 */
final class SpikeRecovery {

    private SpikeRecovery() {
    }

    static Optional<Recovery> of(LoadResult result, double withinPercent) {
        if (!(withinPercent >= 0)) {
            throw new IllegalArgumentException("recovery tolerance must be a non-negative percentage, got " + withinPercent);
        }
        Optional<Phase> spike = result.phases().stream().filter(p -> p.kind() == Phase.Kind.SPIKE).findFirst();
        if (spike.isEmpty()) {
            return Optional.empty();
        }
        long spikeStart = spike.get().start().toNanos();
        long spikeEnd = spike.get().end().toNanos();
        List<Long> before = result.p95Between(0, spikeStart);
        long baseline = before.isEmpty() ? 0 : before.stream().sorted().toList().get(before.size() / 2);
        double bound = baseline * (1 + withinPercent / 100.0);
        List<SecondSample> series = result.series();
        for (int i = 0; i < series.size(); i++) {
            SecondSample s = series.get(i);
            if (s.startNanos() < spikeEnd || !within(s, bound)) {
                continue;
            }
            if (i + 1 < series.size() && !within(series.get(i + 1), bound)) {
                continue;
            }
            return Optional.of(new Recovery(true, Duration.ofNanos(s.startNanos() - spikeEnd),
                    Duration.ofNanos(baseline), withinPercent));
        }
        long end = series.isEmpty() ? spikeEnd
                : series.get(series.size() - 1).startNanos() + series.get(series.size() - 1).intervalNanos();
        return Optional.of(new Recovery(false, Duration.ofNanos(Math.max(0, end - spikeEnd)),
                Duration.ofNanos(baseline), withinPercent));
    }

    private static boolean within(SecondSample s, double bound) {
        return s.completed() > 0 && s.p95Nanos() <= bound;
    }
}
