/**
 * costagent-perf-harness: a JUnit 5 performance-test library (load tests, benchmarks with baselines, scalability,
 * data-volume scaling, resource budgets, reports), independent of the rest of costagent.
 *
 * <p>Every package is API: the annotations and extensions ({@code junit}), the programmatic runners and their
 * results, the extension points ({@code spi}) and the statistics the verdicts use. The JUnit extensions' packages are
 * open to JUnit, which instantiates and calls them reflectively.
 */
module dev.costagent.perf {
    requires transitive org.junit.jupiter.api;
    requires org.junit.platform.commons;
    requires org.junit.platform.launcher;
    requires org.junit.platform.engine;
    requires static transitive org.assertj.core;
    requires transitive HdrHistogram;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires java.management;
    requires jdk.management;

    exports dev.costagent.perf;
    exports dev.costagent.perf.assertions;
    exports dev.costagent.perf.baseline;
    exports dev.costagent.perf.bench;
    exports dev.costagent.perf.junit;
    exports dev.costagent.perf.profile;
    exports dev.costagent.perf.report;
    exports dev.costagent.perf.requirement;
    exports dev.costagent.perf.resource;
    exports dev.costagent.perf.result;
    exports dev.costagent.perf.scaling;
    exports dev.costagent.perf.spi;
    exports dev.costagent.perf.stats;
    exports dev.costagent.perf.volume;

    opens dev.costagent.perf.junit to
            org.junit.platform.commons;
    opens dev.costagent.perf.bench to
            org.junit.platform.commons;
    opens dev.costagent.perf.volume to
            org.junit.platform.commons;
    opens dev.costagent.perf.scaling to
            org.junit.platform.commons;

    uses dev.costagent.perf.spi.PerfReporter;
    uses dev.costagent.perf.spi.PerfListener;
    uses dev.costagent.perf.spi.LoadProfile;
    uses dev.costagent.perf.spi.Meter;

    provides dev.costagent.perf.spi.PerfReporter with
            dev.costagent.perf.junit.HtmlReporter,
            dev.costagent.perf.report.CsvReporter;
    provides dev.costagent.perf.spi.PerfListener with
            dev.costagent.perf.resource.ResourceListener,
            dev.costagent.perf.report.ProgressListener;
}
