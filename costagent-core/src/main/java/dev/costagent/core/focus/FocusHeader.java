package dev.costagent.core.focus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one FOCUS file, in file order: which field holds which FOCUS column, and which hold other columns
 * (provider {@code x_} columns, {@code Id}, anything else), kept by name.
 */
public final class FocusHeader {

    private final String file;
    private final List<String> names;
    private final int[] fieldOfColumn = new int[FocusColumn.values().length];
    private final Map<String, Integer> fieldOfName = new HashMap<>();
    private final Map<FocusColumn, Integer> known = new EnumMap<>(FocusColumn.class);
    /** Fields whose names are not FOCUS columns (provider {@code x_} columns and the like), in file order. */
    private final int[] extraFields;

    private final FocusVersion detected;
    private final FocusVersion version;

    FocusHeader(String file, List<String> names) {
        this(file, names, null);
    }

    /**
     * A header; {@code declared} is the FOCUS version the user gave, or {@code null} to take the one the columns
     * show.
     */
    FocusHeader(String file, List<String> names, FocusVersion declared) {
        this.file = file;
        this.names = List.copyOf(names);
        Arrays.fill(fieldOfColumn, -1);
        List<Integer> extras = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (fieldOfName.put(name, i) != null) {
                throw new FocusFormatException(file, 1, name, "column appears twice in the header");
            }
            int field = i;
            FocusColumn.byName(name)
                    .ifPresentOrElse(
                            column -> {
                                fieldOfColumn[column.ordinal()] = field;
                                known.put(column, field);
                            },
                            () -> extras.add(field));
        }
        extraFields = extras.stream().mapToInt(Integer::intValue).toArray();
        FocusVersion newest = FocusVersion.V1_0;
        for (FocusColumn column : known.keySet()) {
            if (column.since().compareTo(newest) > 0) {
                newest = column.since();
            }
        }
        detected = newest;
        version = declared == null ? detected : declared;
    }

    /**
     * The header of an input whose columns are {@code names}, for engines that read the data themselves.
     *
     * @param file the input, for messages
     * @param declared the FOCUS version the user gave, or {@code null} to take the one the columns show
     * @throws FocusFormatException when a column appears twice
     */
    public static FocusHeader of(String file, List<String> names, FocusVersion declared) {
        return new FocusHeader(file, names, declared);
    }

    /**
     * The strict-mode error for the mandatory columns this header lacks (call only when {@link #missingMandatory()}
     * is not empty), e.g. {@code mandatory FOCUS 1.0 column missing from the header (and 2 more: [...])}, naming the
     * first missing column on line 1.
     */
    public FocusFormatException missingMandatoryError() {
        return missingMandatoryError(file, 1, "mandatory FOCUS " + version + " column missing from the header");
    }

    /**
     * The error for a missing mandatory column in another source's terms (a Parquet schema, say): {@code reason}
     * followed by how many more are missing and which.
     */
    public FocusFormatException missingMandatoryError(String source, long line, String reason) {
        List<FocusColumn> missing = missingMandatory();
        return new FocusFormatException(
                source,
                line,
                missing.get(0).columnName(),
                reason
                        + (missing.size() > 1
                                ? " (and " + (missing.size() - 1) + " more: "
                                        + missing.stream()
                                                .skip(1)
                                                .map(FocusColumn::columnName)
                                                .toList() + ")"
                                : ""));
    }

    /**
     * The FOCUS version the columns show: the newest version that introduced one of them (a file with only 1.0
     * columns is 1.0, one with ServiceSubcategory at least 1.1, and so on).
     */
    public FocusVersion detectedVersion() {
        return detected;
    }

    /** The version the file is read as: the one the user declared, else the detected one. */
    public FocusVersion version() {
        return version;
    }

    /** The file this header belongs to. */
    public String file() {
        return file;
    }

    /** Every column name, in file order. */
    public List<String> names() {
        return names;
    }

    /** The number of fields a record must have. */
    public int size() {
        return names.size();
    }

    /** The field index of a FOCUS column, or -1 when the file lacks it. */
    public int field(FocusColumn column) {
        return fieldOfColumn[column.ordinal()];
    }

    /** The field index of any column by header name, or -1. */
    public int field(String name) {
        Integer field = fieldOfName.get(name);
        return field == null ? -1 : field;
    }

    /** Whether the file has the FOCUS column. */
    public boolean has(FocusColumn column) {
        return field(column) >= 0;
    }

    /** The FOCUS columns present, with their field indexes. */
    public Map<FocusColumn, Integer> knownColumns() {
        return Collections.unmodifiableMap(known);
    }

    /** The fields whose names are not FOCUS columns, in file order (a fresh array). */
    public int[] extraFields() {
        return extraFields.clone();
    }

    /** FOCUS columns mandatory in the file's {@link #version()} that the file lacks. */
    public List<FocusColumn> missingMandatory() {
        return Arrays.stream(FocusColumn.values())
                .filter(c -> c.mandatory(version) && !has(c))
                .toList();
    }
}
