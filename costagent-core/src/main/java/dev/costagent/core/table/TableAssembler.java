package dev.costagent.core.table;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.ReadResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the stretches a parallel read produced into one {@link CostTable}: re-codes each stretch's dictionaries and
 * attribute sets into global ones and concatenates the facts in file order.
 */
final class TableAssembler {

    private static final int TAGS = TableSchema.stringIndex(FocusColumn.TAGS);

    private TableAssembler() {}

    static CostTable assemble(ReadResult<TableSink> read) {
        List<TableSink> sinks = read.sinks();
        Set<String> extraNames = new LinkedHashSet<>();
        Set<FocusColumn> present = EnumSet.noneOf(FocusColumn.class);
        for (TableSink sink : sinks) {
            extraNames.addAll(sink.extraNames);
            present.addAll(sink.header.knownColumns().keySet());
        }
        List<String> extras = new ArrayList<>(extraNames);
        int fixed = TableSchema.FIXED_WIDTH;
        int width = fixed + extras.size();
        int attributeCount = fixed - 1 + extras.size(); // dictionaries: all but the duration
        ByteDictionary[] dictionaries = new ByteDictionary[attributeCount];
        for (int i = 0; i < attributeCount; i++) {
            dictionaries[i] = new ByteDictionary();
        }
        TableSink.DurationCodes durations = new TableSink.DurationCodes();
        IntTupleDictionary sets = new IntTupleDictionary(width);

        // Where each stretch's attributes go, and which attributes any stretch keeps per row.
        int[][] globalOf = new int[sinks.size()][];
        boolean[] rowLevel = new boolean[width];
        long rows = 0;
        long minStart = Long.MAX_VALUE;
        long maxStart = Long.MIN_VALUE;
        for (int k = 0; k < sinks.size(); k++) {
            TableSink sink = sinks.get(k);
            int[] map = new int[fixed + sink.extraNames.size()];
            for (int i = 0; i < map.length; i++) {
                map[i] = i < fixed ? i : fixed + extras.indexOf(sink.extraNames.get(i - fixed));
                rowLevel[map[i]] |= sink.rowLevel[i];
            }
            globalOf[k] = map;
            rows += sink.rows;
            for (int r = 0; r < sink.rows; r++) {
                long start = sink.startSeconds[r];
                if (start != Long.MIN_VALUE) {
                    minStart = Math.min(minStart, start);
                    maxStart = Math.max(maxStart, start);
                }
            }
        }
        keepUniqueColumnsPerRow(sinks, globalOf, rowLevel, rows);
        if (rows > Integer.MAX_VALUE - 16) {
            throw new QueryException("too many rows for one in-memory table: " + rows);
        }
        long base = minStart == Long.MAX_VALUE ? 0 : minStart;
        if (maxStart != Long.MIN_VALUE && maxStart - base >= Integer.MAX_VALUE) {
            throw new QueryException("ChargePeriodStart spans more than 68 years");
        }
        int total = (int) rows;
        int[] setOf = new int[total];
        int[] startOffset = new int[total];
        double[][] metrics = new double[TableSchema.METRICS.length][total];
        int[][] rowCodes = new int[width][];
        for (int g = 0; g < width; g++) {
            if (rowLevel[g]) {
                rowCodes[g] = new int[total];
            }
        }
        int at = 0;
        int[] scratch = new int[width];
        List<int[]> tagCodeMaps = new ArrayList<>();
        for (int k = 0; k < sinks.size(); k++) {
            TableSink sink = sinks.get(k);
            int[] map = globalOf[k];
            int[][] codeMaps = new int[map.length][];
            for (int i = 0; i < map.length; i++) {
                if (i != TableSchema.DURATION) {
                    codeMaps[i] = remap(sink.dictionaries[dictionary(i)], dictionaries[dictionary(map[i])]);
                }
            }
            tagCodeMaps.add(codeMaps[TAGS]);
            int[] setMap = new int[sink.attributeSets.size()];
            for (int s = 0; s < setMap.length; s++) {
                java.util.Arrays.fill(scratch, 0);
                for (int i = 0; i < map.length; i++) {
                    int local = sink.attributeSets.get(s, i);
                    if (i == TableSchema.DURATION) {
                        scratch[i] = local == 0 ? 0 : durations.code(sink.durations.value(local));
                    } else if (!rowLevel[map[i]]) {
                        scratch[map[i]] = codeMaps[i][local];
                    }
                }
                setMap[s] = sets.code(scratch);
            }
            for (int r = 0; r < sink.rows; r++) {
                setOf[at + r] = setMap[sink.attributeSetOf[r]];
                long start = sink.startSeconds[r];
                startOffset[at + r] = start == Long.MIN_VALUE ? CostTable.NO_TIME : (int) (start - base);
            }
            for (int i = 0; i < map.length; i++) {
                int[] codes = rowCodes[map[i]];
                if (codes == null) {
                    continue;
                }
                int[] codeMap = codeMaps[i];
                if (sink.rowLevel[i]) {
                    int[] local = sink.rowCodes[i];
                    for (int r = 0; r < sink.rows; r++) {
                        codes[at + r] = codeMap[local[r]];
                    }
                } else {
                    for (int r = 0; r < sink.rows; r++) {
                        codes[at + r] = codeMap[sink.attributeSets.get(sink.attributeSetOf[r], i)];
                    }
                }
            }
            for (int m = 0; m < metrics.length; m++) {
                System.arraycopy(sink.metrics[m], 0, metrics[m], at, sink.rows);
            }
            at += sink.rows;
            sink.release();
        }
        String[][] values = new String[width][];
        ByteValues[] rowDictionaries = new ByteValues[width];
        for (int g = 0; g < width; g++) {
            if (g == TableSchema.DURATION) {
                values[g] = new String[] {null};
            } else if (rowLevel[g]) {
                rowDictionaries[g] = dictionaries[dictionary(g)].compact();
                dictionaries[dictionary(g)] = null; // its hash table is needed no more
            } else {
                values[g] = dictionaries[dictionary(g)].values();
            }
        }
        List<Map<String, String>> tags = new ArrayList<>();
        for (int code = 0; code <= dictionaries[TAGS].size(); code++) {
            tags.add(null);
        }
        tags.set(0, Map.of());
        for (int s = 0; s < sinks.size(); s++) {
            int[] map = tagCodeMaps.get(s);
            for (int local = 1; local < map.length; local++) {
                tags.set(map[local], sinks.get(s).parsedTags.get(local));
            }
        }
        Attributes attributes = new Attributes(width, sets.size(), sets.flat(), values, tags, extras, rowCodes,
                rowDictionaries);
        boolean[] metricPresent = new boolean[TableSchema.METRICS.length];
        for (int m = 0; m < metricPresent.length; m++) {
            metricPresent[m] = present.contains(TableSchema.METRICS[m].column());
        }
        // Offsets from the earliest start: the smallest is 0; without any start, min > max says so.
        int minOffset = minStart == Long.MAX_VALUE ? Integer.MAX_VALUE : 0;
        int maxOffset = maxStart == Long.MIN_VALUE ? Integer.MIN_VALUE : (int) (maxStart - base);
        return new CostTable(total, setOf, base, startOffset, minOffset, maxOffset, metrics, metricPresent,
                attributes, present, read.rejected(), read.rejects(), read.dataQuality())
                .withInputProfile(read.profile());
    }

    /**
     * The stretches' own choice of row-level columns, made once a stretch is large enough, misses columns whose
     * values repeat in no stretch when stretches are small: when the stretches' sets together would not compress the
     * rows, a string column with more distinct values (summed over stretches, an upper bound) than one per
     * {@link TableSink#ROW_LEVEL_RATIO} rows is kept per row too.
     */
    private static void keepUniqueColumnsPerRow(List<TableSink> sinks, int[][] globalOf, boolean[] rowLevel,
            long rows) {
        long sets = 0;
        for (TableSink sink : sinks) {
            sets += sink.attributeSets.size();
        }
        if (sets * TableSink.SETS_RATIO <= rows) {
            return;
        }
        long[] distinct = new long[rowLevel.length];
        for (int k = 0; k < sinks.size(); k++) {
            TableSink sink = sinks.get(k);
            for (int i = 0; i < globalOf[k].length; i++) {
                if (i != TableSchema.DURATION) {
                    distinct[globalOf[k][i]] += sink.dictionaries[dictionary(i)].size();
                }
            }
        }
        for (int g = 0; g < rowLevel.length; g++) {
            if (TableSink.mayBeRowLevel(g) && distinct[g] * TableSink.ROW_LEVEL_RATIO > rows) {
                rowLevel[g] = true;
            }
        }
    }

    /** The dictionary index of an attribute index (all but the duration have one). */
    private static int dictionary(int attribute) {
        return attribute < TableSchema.DURATION ? attribute : attribute - 1;
    }

    private static int[] remap(ByteDictionary local, ByteDictionary global) {
        int[] map = new int[local.size() + 1];
        for (int code = 1; code <= local.size(); code++) {
            map[code] = local.copyTo(code, global);
        }
        return map;
    }
}
