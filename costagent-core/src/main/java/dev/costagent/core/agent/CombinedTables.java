package dev.costagent.core.agent;

import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Several sources' tables answering as one: each query runs on every table and groups with equal keys are summed
 * (sums and counts are additive, so this is exact). Thread-safe because the tables are.
 */
final class CombinedTables implements QueryEngine {

    private final List<QueryEngine> tables;

    CombinedTables(List<QueryEngine> tables) {
        this.tables = List.copyOf(tables);
    }

    @Override
    public boolean prefersFewerQueries() {
        return tables.stream().anyMatch(QueryEngine::prefersFewerQueries);
    }

    @Override
    public void prepare(List<Dimension> dimensions) {
        tables.forEach(table -> table.prepare(dimensions));
    }

    /** The sum of the parts' counts (values may repeat across parts), when every part knows its own. */
    @Override
    public java.util.OptionalLong distinctValues(Dimension dimension) {
        long sum = 0;
        for (QueryEngine table : tables) {
            java.util.OptionalLong part = table.distinctValues(dimension);
            if (part.isEmpty()) {
                return part;
            }
            sum += part.getAsLong();
        }
        return java.util.OptionalLong.of(sum);
    }

    @Override
    public DataProfile profile() {
        return DataProfile.combine(tables.stream().map(QueryEngine::profile).toList());
    }

    @Override
    public QueryResult execute(CostQuery query) {
        Map<List<String>, double[]> groups = new TreeMap<>(QueryResult.KEY_ORDER);
        double total = 0;
        long rows = 0;
        for (QueryEngine table : tables) {
            QueryResult part = table.execute(query);
            total += part.total();
            rows += part.rows();
            for (QueryResult.Group g : part.groups()) {
                double[] acc = groups.computeIfAbsent(g.key(), k -> new double[2]);
                acc[0] += g.value();
                acc[1] += g.rows();
            }
        }
        List<QueryResult.Group> out = new ArrayList<>(groups.size());
        groups.forEach((key, acc) -> out.add(new QueryResult.Group(key, acc[0], (long) acc[1])));
        return new QueryResult(query, out, total, rows);
    }
}
