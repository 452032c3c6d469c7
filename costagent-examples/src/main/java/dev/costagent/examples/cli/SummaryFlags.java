package dev.costagent.examples.cli;

import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Metric;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What a {@code summarize} asks for, as flags: {@code --metric}, {@code --by} and {@code --format}. A picocli mixin,
 * shared by the CLI's {@code summarize} and by other front ends of the same command (costagent-spark's), so that the
 * flags, their help and their errors are the same everywhere.
 */
public final class SummaryFlags {

    @Option(
            names = "--metric",
            defaultValue = "EffectiveCost",
            description = "EffectiveCost (default), BilledCost, ListCost, ContractedCost, PricingQuantity or "
                    + "ConsumedQuantity.")
    private String metric;

    @Option(
            names = "--by",
            split = ",",
            paramLabel = "DIM",
            description = "Group by: day, month, hour, any FOCUS string column, or tag:KEY (comma separated).")
    private List<String> by = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", description = "table (default), json or csv.")
    private String format;

    /** Made by picocli. */
    public SummaryFlags() {}

    /**
     * The query these flags ask for.
     *
     * @throws IllegalArgumentException naming an unknown metric or dimension
     */
    public CostQuery query() {
        CostQuery.Builder query = CostQuery.builder().metric(Metric.parse(metric));
        for (String dimension : by) {
            query.groupBy(Dimension.parse(dimension));
        }
        return query.build();
    }

    /**
     * The output format in lower case: table, json or csv.
     *
     * @throws IllegalArgumentException {@code unknown --format 'xml'; expected table, json or csv}
     */
    public String format() {
        return FormatOption.require(format, "table", "json", "csv");
    }
}
