package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A dictionary's code → rank (the order query results are sorted in) equals the position of each code in a stable
 * sort of the keys, nulls first: for distinct keys (the binary-search path) and for keys with repeats or several
 * nulls (the general path).
 */
class ValueRanksTest {

    @Provide
    Arbitrary<String[]> distinctKeys() {
        return Arbitraries.strings()
                .withChars("abcAB-:/ é")
                .ofMaxLength(6)
                .set()
                .ofMaxSize(300)
                .map(set -> {
                    String[] keys = new String[set.size() + 1];
                    int i = 1;
                    for (String s : set) {
                        keys[i++] = s;
                    }
                    return keys; // code 0 null, as a column dictionary
                });
    }

    @Provide
    Arbitrary<String[]> anyKeys() {
        return Arbitraries.of("a", "b", "B", "", "é", null)
                .array(String[].class)
                .ofMaxSize(50);
    }

    @Property
    void distinctKeysRankAsAStableSort(@ForAll("distinctKeys") String[] keys) {
        assertThat(QueryExecutor.rankValues(keys)).containsExactly(reference(keys));
    }

    @Property
    void repeatedKeysRankAsAStableSort(@ForAll("anyKeys") String[] keys) {
        assertThat(QueryExecutor.rankValues(keys)).containsExactly(reference(keys));
    }

    private static int[] reference(String[] keys) {
        Integer[] codes = IntStream.range(0, keys.length).boxed().toArray(Integer[]::new);
        Comparator<String> order = Comparator.nullsFirst(Comparator.naturalOrder());
        Arrays.sort(codes, (x, y) -> order.compare(keys[x], keys[y]));
        int[] rank = new int[keys.length];
        for (int r = 0; r < codes.length; r++) {
            rank[codes[r]] = r;
        }
        return rank;
    }
}
