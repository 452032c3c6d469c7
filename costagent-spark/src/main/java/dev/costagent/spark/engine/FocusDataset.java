package dev.costagent.spark.engine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.costagent.core.focus.ColumnType;
import dev.costagent.core.focus.FocusColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * The typed view of FOCUS rows that every query reads: decimals as {@code DECIMAL(38,18)} (so sums are exact, then
 * rounded once to a double), ChargePeriodStart and the other timestamps as Spark {@code TIMESTAMP} instants parsed as
 * UTC whatever the session's time zone, everything else as text. Text cells that should be numbers or timestamps and
 * do not parse are flagged, so that strict reading can refuse them and lenient reading can count them.
 */
final class FocusDataset {

    /** Costs and quantities: 20 integer digits and 18 decimals, exact sums. */
    static final DecimalType MONEY = DataTypes.createDecimalType(38, 18);
    /** Tags read as a JSON object of strings. */
    static final MapType TAGS = DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);
    /** Spark's column for CSV records it could not split into the header's fields. */
    static final String CORRUPT = "_corrupt_record";
    /** The first column of a row whose text did not parse ({@link #MALFORMED} for a malformed record), else null. */
    static final String BAD = "__costagent_bad";
    /** {@link #BAD} of a record Spark's CSV reader could not split into the header's fields. */
    static final String MALFORMED = "<record>";
    /** The text of the cell that did not parse (the whole line for a malformed record). */
    static final String BAD_VALUE = "__costagent_bad_value";
    /** The file a row came from (for rejects). */
    static final String FILE = "__costagent_file";
    /** The row's position in the input (files and lines in order), for the first example of a finding. */
    static final String ROW = "__costagent_row";

    private FocusDataset() {}

    /** Whether rows of {@code raw} need checking: text in a column that should hold numbers, timestamps or tags. */
    static boolean needsChecks(Dataset<Row> raw, boolean csv) {
        if (csv) {
            return true;
        }
        for (StructField field : raw.schema().fields()) {
            ColumnType type = type(field.name());
            if (field.dataType().equals(DataTypes.StringType)
                    && (type == ColumnType.DECIMAL || type == ColumnType.TIMESTAMP)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The typed projection of {@code raw}; when {@code checked}, plus {@link #BAD}, {@link #BAD_VALUE}, {@link #FILE}
     * and {@link #ROW}.
     *
     * @param csv the input is CSV text: {@code NULL} is a null as in the default reader, tags are checked
     */
    static Dataset<Row> typed(Dataset<Row> raw, boolean csv, boolean checked) {
        List<Column> columns = new ArrayList<>();
        List<Column[]> badWhen = new ArrayList<>();
        boolean hasCorrupt = false;
        for (StructField field : raw.schema().fields()) {
            String name = field.name();
            if (name.equals(CORRUPT)) {
                hasCorrupt = true;
                continue;
            }
            Column source = col(SparkSql.id(name));
            if (csv && field.dataType().equals(DataTypes.StringType)) {
                source = when(source.equalTo(lit("NULL")), lit(null).cast(DataTypes.StringType))
                        .otherwise(source);
            }
            ColumnType type = type(name);
            Column value = switch (type) {
                case DECIMAL ->
                    field.dataType().equals(DataTypes.StringType) ? source.try_cast(MONEY) : source.cast(MONEY);
                case TIMESTAMP -> timestamp(source, field.dataType());
                default -> field.dataType().equals(DataTypes.StringType) ? source : source.cast(DataTypes.StringType);
            };
            if (field.dataType().equals(DataTypes.StringType)
                    && (type == ColumnType.DECIMAL || type == ColumnType.TIMESTAMP)) {
                badWhen.add(new Column[] {source.isNotNull().and(value.isNull()), lit(name), source});
            } else if (csv && type == ColumnType.TAGS) {
                badWhen.add(new Column[] {
                    source.isNotNull()
                            .and(org.apache
                                    .spark
                                    .sql
                                    .functions
                                    .from_json(source, TAGS, java.util.Map.of())
                                    .isNull()),
                    lit(name),
                    source
                });
            }
            columns.add(value.as(name));
        }
        if (!checked) {
            return raw.select(columns.toArray(Column[]::new));
        }
        Column bad = null;
        Column badValue = null;
        if (hasCorrupt) {
            bad = when(col(CORRUPT).isNotNull(), lit(MALFORMED));
            badValue = when(col(CORRUPT).isNotNull(), col(CORRUPT));
        }
        for (Column[] w : badWhen) {
            bad = bad == null ? when(w[0], w[1]) : bad.when(w[0], w[1]);
            badValue = badValue == null ? when(w[0], w[2]) : badValue.when(w[0], w[2]);
        }
        columns.add((bad == null ? lit(null).cast(DataTypes.StringType) : bad).as(BAD));
        columns.add((badValue == null ? lit(null).cast(DataTypes.StringType) : badValue).as(BAD_VALUE));
        columns.add(org.apache.spark.sql.functions.input_file_name().as(FILE));
        columns.add(org.apache.spark.sql.functions.monotonically_increasing_id().as(ROW));
        return raw.select(columns.toArray(Column[]::new));
    }

    /**
     * A timestamp instant from any input type, independent of the session time zone: text without a zone is UTC
     * (as the default reader takes {@code 2024-09-18 22:00:00}); zone-less Spark types are read as UTC too.
     */
    private static Column timestamp(Column source, DataType type) {
        if (type.equals(DataTypes.TimestampType)) {
            return source;
        }
        Column text = type.equals(DataTypes.StringType) ? source : source.cast(DataTypes.StringType);
        if (type.equals(DataTypes.StringType)
                || type.equals(DataTypes.TimestampNTZType)
                || type.equals(DataTypes.DateType)) {
            // "…Z" parses zone-less text as UTC; text that carries its own zone fails that and parses as it is.
            return coalesce(
                    concat(text, lit("Z")).try_cast(DataTypes.TimestampType), text.try_cast(DataTypes.TimestampType));
        }
        return source.cast(DataTypes.TimestampType);
    }

    /** The FOCUS type of a column; non-FOCUS columns are text. */
    static ColumnType type(String name) {
        return FocusColumn.byName(name).map(FocusColumn::type).orElse(ColumnType.STRING);
    }
}
