package dev.costagent.core.table;

import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.ReadResult;
import dev.costagent.core.focus.RejectedRecord;
import dev.costagent.core.input.FocusInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers one {@link CostQuery} straight from FOCUS files, without building a {@link CostTable}: the files are parsed
 * in parallel and only the groups are kept, so heap use depends on the number of groups, not the file size. Strict
 * mode checks the structure of every record and the values of the columns the query reads.
 */
public final class StreamingQuery {

    private StreamingQuery() {}

    /**
     * The query's answer over a file or directory.
     *
     * @throws dev.costagent.core.focus.FocusFormatException for bad input (strict) or input that is not FOCUS CSV
     * @throws QueryException when a column the query needs is absent, or currencies are mixed
     */
    public static Answer execute(Path input, CostQuery query, ReadOptions options) {
        Map<List<String>, double[]> merged = new HashMap<>();
        TreeSet<String> currencies = new TreeSet<>();
        Map<String, Integer> absences = new HashMap<>();
        int[] stretches = {0};
        ReadResult<AggregatingSink> read = FocusInput.read(
                input,
                options,
                h -> new AggregatingSink(h, query),
                sink -> {
                    sink.mergeInto(merged);
                    currencies.addAll(sink.currencies());
                    sink.absentColumns().forEach(column -> absences.merge(column, 1, Integer::sum));
                    stretches[0]++;
                },
                columns(query));
        // Like the table: a column absent from every file is an error; absent from some, it reads as null there.
        absences.forEach((column, count) -> {
            if (count == stretches[0]) {
                throw new QueryException("column " + column + " is absent from the input");
            }
        });
        query.checkCurrencies(currencies);
        List<QueryResult.Group> groups = new ArrayList<>(merged.size());
        merged.forEach((key, acc) -> groups.add(new QueryResult.Group(key, acc[0] + acc[1], (long) acc[2])));
        groups.sort((a, b) -> QueryResult.KEY_ORDER.compare(a.key(), b.key()));
        CompensatedSum total = new CompensatedSum();
        long rows = 0;
        for (QueryResult.Group group : groups) {
            total.add(group.value());
            rows += group.rows();
        }
        QueryResult result = new QueryResult(query, groups, total.value(), rows);
        return new Answer(
                result, read.accepted(), read.rejected(), read.rejects(), read.dataQuality(), List.copyOf(currencies));
    }

    /**
     * The columns the query and the record checks read (a Parquet read decodes no other); the metric and the period
     * need no text.
     */
    private static FocusInput.Columns columns(CostQuery query) {
        Set<String> read = new HashSet<>();
        Set<String> text = new HashSet<>();
        read.add(query.metric().columnName());
        read.add(FocusColumn.CHARGE_PERIOD_START.columnName());
        // The end too, though no query reads it: the record checks need it (End before Start is a reject), as in
        // every other command.
        read.add(FocusColumn.CHARGE_PERIOD_END.columnName());
        read.add(FocusColumn.BILLING_CURRENCY.columnName());
        List<Dimension> dimensions = new ArrayList<>(query.groupBy());
        query.filters().forEach(filter -> dimensions.add(filter.dimension()));
        for (Dimension dimension : dimensions) {
            switch (dimension.kind()) {
                case COLUMN -> text.add(dimension.name());
                case TAG -> text.add(FocusColumn.TAGS.columnName());
                default -> {}
            }
        }
        // The enumerated columns too: every read checks their values into the data-quality report. Those the query
        // does not read are read for that check only (Parquet then skips chunks holding allowed values alone).
        Set<String> checkedOnly = new HashSet<>();
        for (FocusColumn column : FocusColumn.values()) {
            if (!column.allowedValues().isEmpty() && !text.contains(column.columnName())) {
                checkedOnly.add(column.columnName());
            }
        }
        read.addAll(text);
        read.addAll(checkedOnly);
        text.addAll(checkedOnly);
        return new FocusInput.Columns(
                read::contains,
                column -> read.contains(column)
                        && !text.contains(column)
                        && !column.equals(FocusColumn.BILLING_CURRENCY.columnName()),
                checkedOnly::contains);
    }

    /**
     * A streamed answer and what the read saw.
     *
     * @param result the groups and total
     * @param accepted records accepted
     * @param rejected records rejected (lenient)
     * @param rejects the first rejected records in detail
     * @param dataQuality rules broken by accepted rows
     * @param currencies the distinct BillingCurrency values
     */
    public record Answer(
            QueryResult result,
            long accepted,
            long rejected,
            List<RejectedRecord> rejects,
            List<DataQualityIssue> dataQuality,
            List<String> currencies) {
        /** Copies the lists. */
        public Answer {
            rejects = List.copyOf(rejects);
            dataQuality = List.copyOf(dataQuality);
            currencies = List.copyOf(currencies);
        }
    }
}
