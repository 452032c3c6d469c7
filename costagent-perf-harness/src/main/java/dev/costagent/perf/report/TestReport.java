package dev.costagent.perf.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the reports show about one test: key figures, requirement checks, charts and notes.
 *
 * @param id          stable identifier (JUnit unique id or a run name); also names the JSON file
 * @param displayName human name
 * @param kind        what was measured: "benchmark", "scalability", "data volume", "load", "resources"...
 * @param figures     key figures in display order, e.g. "median" → "12.3 ns/op"
 * @param checks      requirements checked (empty when the test declares none)
 * @param charts      charts to draw
 * @param notes       warnings and context, e.g. a cross-environment baseline
 * @param metrics     the figures as numbers, keyed by name with the unit at the end ({@code "median_ns"},
 *                    {@code "throughput_ops_per_s"}, {@code "retained_heap_bytes"}); what JSON and CSV readers use
 */
public record TestReport(
        String id,
        String displayName,
        String kind,
        Map<String, String> figures,
        List<Check> checks,
        List<Chart> charts,
        List<String> notes,
        Map<String, Double> metrics) {

    /** Validates and copies (figures keep their order). */
    public TestReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(kind, "kind");
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        checks = List.copyOf(checks);
        charts = List.copyOf(charts);
        notes = List.copyOf(notes);
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A report without numeric metrics. */
    public TestReport(
            String id,
            String displayName,
            String kind,
            Map<String, String> figures,
            List<Check> checks,
            List<Chart> charts,
            List<String> notes) {
        this(id, displayName, kind, figures, checks, charts, notes, Map.of());
    }

    /** Whether every check is met (true when there are none). */
    public boolean passed() {
        return checks.stream().allMatch(Check::met);
    }

    /** The checks that failed. */
    public List<Check> violations() {
        return checks.stream().filter(c -> !c.met()).toList();
    }

    /** A builder, for extensions assembling a report piece by piece. */
    public static Builder builder(String id, String displayName, String kind) {
        return new Builder(id, displayName, kind);
    }

    /** Assembles a {@link TestReport}. */
    public static final class Builder {
        private final String id;
        private final String displayName;
        private final String kind;
        private final Map<String, String> figures = new LinkedHashMap<>();
        private final List<Check> checks = new java.util.ArrayList<>();
        private final List<Chart> charts = new java.util.ArrayList<>();
        private final List<String> notes = new java.util.ArrayList<>();
        private final List<dev.costagent.perf.spi.Metric> metrics = new java.util.ArrayList<>();

        private Builder(String id, String displayName, String kind) {
            this.id = id;
            this.displayName = displayName;
            this.kind = kind;
        }

        /** Adds a key figure. */
        public Builder figure(String name, String value) {
            figures.put(name, value);
            return this;
        }

        /** Adds requirement checks. */
        public Builder checks(List<Check> more) {
            checks.addAll(more);
            return this;
        }

        /** Adds a chart, without its series that hold no data (and not at all when none does). */
        public Builder chart(Chart chart) {
            chart.withData().ifPresent(charts::add);
            return this;
        }

        /**
         * Adds a numeric metric with its unit, such as {@code ("p99", "ns", 1234)}; NaN (not measured) is left out,
         * never written as a number.
         */
        public Builder metric(String name, String unit, double value) {
            return metric(new dev.costagent.perf.spi.Metric(name, unit, value));
        }

        /** Adds a numeric metric (left out when NaN), replacing one with the same key. */
        public Builder metric(dev.costagent.perf.spi.Metric metric) {
            if (!Double.isNaN(metric.value())) {
                metrics.removeIf(m -> m.key().equals(metric.key()));
                metrics.add(metric);
            }
            return this;
        }

        /** The metrics added so far, in order. */
        public List<dev.costagent.perf.spi.Metric> metrics() {
            return List.copyOf(metrics);
        }

        /** The id given to {@link TestReport#builder}. */
        public String id() {
            return id;
        }

        /** The display name given to {@link TestReport#builder}. */
        public String displayName() {
            return displayName;
        }

        /** Adds notes. */
        public Builder notes(List<String> more) {
            notes.addAll(more);
            return this;
        }

        /** Adds one note. */
        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        /** Builds the report. */
        public TestReport build() {
            Map<String, Double> byKey = new LinkedHashMap<>();
            metrics.forEach(m -> byKey.put(m.key(), m.value()));
            return new TestReport(id, displayName, kind, figures, checks, charts, notes, byKey);
        }
    }
}
