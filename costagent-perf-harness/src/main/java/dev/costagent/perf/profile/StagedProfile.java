package dev.costagent.perf.profile;

import dev.costagent.perf.result.Phase;
import dev.costagent.perf.spi.LoadProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A profile made of consecutive {@link Stage}s; its phases are the stages. */
final class StagedProfile implements LoadProfile {

    private final String label;
    private final List<Stage> stages;

    StagedProfile(String label, List<Stage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a staged profile needs at least one stage");
        }
        this.label = label;
        this.stages = List.copyOf(stages);
    }

    @Override
    public Schedule schedule() {
        int n = stages.size();
        long[] starts = new long[n];
        long[] lengths = new long[n];
        long offset = 0;
        for (int i = 0; i < n; i++) {
            starts[i] = offset;
            lengths[i] = stages.get(i).length().toNanos();
            offset += lengths[i];
        }
        return new Schedule() {
            private int stage;
            private long k;

            @Override
            public long nextStartNanos() {
                while (stage < n) {
                    double seconds = stages.get(stage).arrivalSeconds(k);
                    double nanos = seconds * 1e9;
                    if (nanos < lengths[stage]) {
                        k++;
                        return starts[stage] + (long) nanos;
                    }
                    stage++;
                    k = 0;
                }
                return END;
            }
        };
    }

    @Override
    public Duration duration() {
        return stages.stream().map(Stage::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String description() {
        String body = stages.stream().map(Stage::describe).collect(Collectors.joining(", then "));
        return label.isEmpty() ? body : label + " " + body;
    }

    @Override
    public List<Phase> phases() {
        List<Phase> phases = new ArrayList<>();
        Duration at = Duration.ZERO;
        for (Stage s : stages) {
            phases.add(new Phase(s.name(), s.kind(), at, at.plus(s.length())));
            at = at.plus(s.length());
        }
        return phases;
    }

    @Override
    public LoadProfile scaled(double timeFactor, double rateFactor) {
        return new StagedProfile(
                label,
                stages.stream().map(s -> s.scaled(timeFactor, rateFactor)).toList());
    }

    /** The stages, in order. */
    List<Stage> stages() {
        return stages;
    }
}
