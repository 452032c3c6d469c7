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

        long rows = 0;
        long minStart = Long.MAX_VALUE;
        long maxStart = Long.MIN_VALUE;
        for (TableSink sink : sinks) {
            rows += sink.rows;
            for (int r = 0; r < sink.rows; r++) {
                long start = sink.startSeconds[r];
                if (start != Long.MIN_VALUE) {
                    minStart = Math.min(minStart, start);
                    maxStart = Math.max(maxStart, start);
                }
            }
        }
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
        int at = 0;
        int[] scratch = new int[width];
        List<int[]> tagCodeMaps = new ArrayList<>();
        for (TableSink sink : sinks) {
            int[][] codeMaps = new int[attributeCount][];
            for (int i = 0; i < fixed - 1; i++) {
                codeMaps[i] = remap(sink.dictionaries[i], dictionaries[i]);
            }
            tagCodeMaps.add(codeMaps[TAGS]);
            for (int e = 0; e < sink.extraNames.size(); e++) {
                int global = fixed - 1 + extras.indexOf(sink.extraNames.get(e));
                codeMaps[global] = remap(sink.dictionaries[fixed - 1 + e], dictionaries[global]);
            }
            int[] setMap = new int[sink.attributeSets.size()];
            for (int s = 0; s < setMap.length; s++) {
                java.util.Arrays.fill(scratch, 0);
                for (int i = 0; i < fixed - 1; i++) {
                    scratch[i] = codeMaps[i][sink.attributeSets.get(s, i)];
                }
                int localDuration = sink.attributeSets.get(s, TableSchema.DURATION);
                scratch[TableSchema.DURATION] = localDuration == 0 ? 0
                        : durations.code(sink.durations.value(localDuration));
                for (int e = 0; e < sink.extraNames.size(); e++) {
                    int global = fixed - 1 + extras.indexOf(sink.extraNames.get(e));
                    scratch[global + 1] = codeMaps[global][sink.attributeSets.get(s, fixed + e)];
                }
                setMap[s] = sets.code(scratch);
            }
            for (int r = 0; r < sink.rows; r++) {
                setOf[at + r] = setMap[sink.attributeSetOf[r]];
                long start = sink.startSeconds[r];
                startOffset[at + r] = start == Long.MIN_VALUE ? CostTable.NO_TIME : (int) (start - base);
            }
            for (int m = 0; m < metrics.length; m++) {
                System.arraycopy(sink.metrics[m], 0, metrics[m], at, sink.rows);
            }
            at += sink.rows;
        }
        String[][] values = new String[attributeCount][];
        for (int i = 0; i < attributeCount; i++) {
            values[i] = dictionaries[i].values();
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
        Attributes attributes = new Attributes(width, sets.size(), sets.flat(), expand(values, width), tags, extras);
        boolean[] metricPresent = new boolean[TableSchema.METRICS.length];
        for (int m = 0; m < metricPresent.length; m++) {
            metricPresent[m] = present.contains(TableSchema.METRICS[m].column());
        }
        // Offsets from the earliest start: the smallest is 0; without any start, min > max says so.
        int minOffset = minStart == Long.MAX_VALUE ? Integer.MAX_VALUE : 0;
        int maxOffset = maxStart == Long.MIN_VALUE ? Integer.MIN_VALUE : (int) (maxStart - base);
        return new CostTable(total, setOf, base, startOffset, minOffset, maxOffset, metrics, metricPresent,
                attributes, present, read.rejected(), read.rejects(), read.dataQuality())
                .withProfile(read.profile());
    }

    /** Value arrays indexed by attribute index, with an empty slot for the duration. */
    private static String[][] expand(String[][] dictionaryValues, int width) {
        String[][] byAttribute = new String[width][];
        int fixed = TableSchema.FIXED_WIDTH;
        for (int i = 0; i < fixed - 1; i++) {
            byAttribute[i] = dictionaryValues[i];
        }
        byAttribute[TableSchema.DURATION] = new String[] {null};
        for (int i = fixed; i < width; i++) {
            byAttribute[i] = dictionaryValues[i - 1];
        }
        return byAttribute;
    }

    private static int[] remap(ByteDictionary local, ByteDictionary global) {
        int[] map = new int[local.size() + 1];
        for (int code = 1; code <= local.size(); code++) {
            map[code] = local.copyTo(code, global);
        }
        return map;
    }
}
