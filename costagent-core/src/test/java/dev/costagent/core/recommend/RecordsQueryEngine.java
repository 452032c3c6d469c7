package dev.costagent.core.recommend;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain, row-walking reference engine for tests: the obviously-correct meaning of a {@link CostQuery} over records.
 * The recommendation code never walks rows; this engine exists so tests do not depend on the columnar table.
 */
final class RecordsQueryEngine implements QueryEngine {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final Map<String, RecordComponent> COMPONENTS = new HashMap<>();

    static {
        for (RecordComponent c : CostRecord.class.getRecordComponents()) {
            COMPONENTS.put(c.getName().toLowerCase(java.util.Locale.ROOT), c);
        }
    }

    private final List<CostRecord> records;
    private final java.util.Set<String> extraColumns = new java.util.HashSet<>();

    RecordsQueryEngine(List<CostRecord> records) {
        this.records = List.copyOf(records);
        records.forEach(r -> extraColumns.addAll(r.extra().keySet()));
    }

    @Override
    public QueryResult execute(CostQuery query) {
        Map<List<String>, double[]> groups = new HashMap<>();
        double total = 0;
        long rows = 0;
        for (CostRecord r : records) {
            if (r.chargePeriodStart() == null || !query.range().contains(r.chargePeriodStart())) {
                continue;
            }
            boolean pass = true;
            for (Filter f : query.filters()) {
                pass &= f.accepts(key(r, f.dimension()));
            }
            if (!pass) {
                continue;
            }
            List<String> key = new ArrayList<>();
            for (Dimension d : query.groupBy()) {
                key.add(key(r, d));
            }
            BigDecimal value = (BigDecimal) get(r, query.metric().columnName());
            double v = value == null ? 0 : value.doubleValue();
            double[] acc = groups.computeIfAbsent(key, k -> new double[2]);
            acc[0] += v;
            acc[1]++;
            total += v;
            rows++;
        }
        List<QueryResult.Group> out = new ArrayList<>();
        Comparator<List<String>> byKey = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Map<List<String>, double[]> sorted = new TreeMap<>(byKey);
        sorted.putAll(groups);
        sorted.forEach((k, v) -> out.add(new QueryResult.Group(k, v[0], (long) v[1])));
        return new QueryResult(query, out, total, rows);
    }

    private String key(CostRecord r, Dimension d) {
        switch (d.kind()) {
            case HOUR:
                return HOUR.format(r.chargePeriodStart());
            case DAY:
                return DAY.format(r.chargePeriodStart());
            case MONTH:
                return MONTH.format(r.chargePeriodStart());
            case TAG:
                return r.tags().get(d.name());
            default:
                if (FocusColumn.byName(d.name()).isPresent()) {
                    return (String) get(r, d.name());
                }
                if (extraColumns.contains(d.name())) {
                    return r.extra().get(d.name());
                }
                throw new IllegalArgumentException("the data has no column " + d.name());
        }
    }

    private static Object get(CostRecord r, String focusName) {
        try {
            return COMPONENTS.get(focusName.toLowerCase(java.util.Locale.ROOT)).getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
