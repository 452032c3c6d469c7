package dev.costagent.core.agent;

import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Several sources' tables answering as one: each query runs on every table and groups with equal keys are summed
 * (sums and counts are additive, so this is exact). Thread-safe because the tables are.
 */
final class CombinedTables implements QueryEngine {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<List<String>> BY_KEY = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = NULLS_FIRST.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private final List<QueryEngine> tables;

    CombinedTables(List<QueryEngine> tables) {
        this.tables = List.copyOf(tables);
    }

    @Override
    public DataProfile profile() {
        return DataProfile.combine(tables.stream().map(QueryEngine::profile).toList());
    }

    @Override
    public QueryResult execute(CostQuery query) {
        Map<List<String>, double[]> groups = new TreeMap<>(BY_KEY);
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
