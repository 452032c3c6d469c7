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
 */
public record TestReport(String id, String displayName, String kind, Map<String, String> figures,
                         List<Check> checks, List<Chart> charts, List<String> notes) {

    /** Validates and copies (figures keep their order). */
    public TestReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(kind, "kind");
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        checks = List.copyOf(checks);
        charts = List.copyOf(charts);
        notes = List.copyOf(notes);
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

        /** Adds a chart. */
        public Builder chart(Chart chart) {
            charts.add(chart);
            return this;
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
            return new TestReport(id, displayName, kind, figures, checks, charts, notes);
        }
    }
}
