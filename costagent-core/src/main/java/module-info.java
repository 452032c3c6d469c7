/**
 * costagent-core: reads FinOps FOCUS billing data (CSV, CSV.gz, Parquet), holds it in a columnar cost table, analyses
 * it, turns the findings into savings recommendations and runs it all as one {@code CostAgent} workflow.
 *
 * <p>Exported: the API by capability. Not exported: the field parsers ({@code core.focus.parse}) and the Parquet
 * decoder ({@code core.parquet}); read Parquet through {@code core.input.FocusInput} or {@code CostTable.read}.
 */
module dev.costagent.core {
    requires transitive org.slf4j;
    requires com.google.common;
    requires com.fasterxml.jackson.databind;
    requires aircompressor;

    exports dev.costagent.core.focus;
    exports dev.costagent.core.input;
    exports dev.costagent.core.table;
    exports dev.costagent.core.source;
    exports dev.costagent.core.analysis;
    exports dev.costagent.core.analysis.anomaly;
    exports dev.costagent.core.analysis.commitment;
    exports dev.costagent.core.analysis.forecast;
    exports dev.costagent.core.analysis.series;
    exports dev.costagent.core.analysis.trend;
    exports dev.costagent.core.analysis.utilization;
    exports dev.costagent.core.recommend;
    exports dev.costagent.core.recommend.catalog;
    exports dev.costagent.core.recommend.inventory;
    exports dev.costagent.core.recommend.model;
    exports dev.costagent.core.recommend.rules;
    exports dev.costagent.core.recommend.spi;
    exports dev.costagent.core.narrate;
    exports dev.costagent.core.agent;
    exports dev.costagent.core.report;

    // The shipped catalogs are read with Class.getResourceAsStream from inside the module.
    opens dev.costagent.core.recommend.catalog;

    uses dev.costagent.core.source.CostSourceProvider;

    provides dev.costagent.core.source.CostSourceProvider with
            dev.costagent.core.source.InMemorySourceProvider;
}
