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
 * sort of the keys, nulls first: for distinct keys, for keys with repeats or several nulls, for ids that share a
 * long prefix (the radix sort's many passes over one byte), and for keys past ASCII and past Latin-1.
 */
class ValueRanksTest {

    @Provide
    Arbitrary<String[]> distinctKeys() {
        return Arbitraries.strings()
                .withChars("abcAB-:/ éΩ")
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

    /** Resource ids as real exports write them: hundreds sharing a long prefix, with suffixes of any length. */
    @Provide
    Arbitrary<String[]> prefixedKeys() {
        Arbitrary<String> prefix = Arbitraries.of(
                "arn:aws:ec2:us-east-1:123456789012:instance/i-",
                "arn:aws:ec2:us-east-1:123456789012:volume/vol-",
                "/subscriptions/0000-1111/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-",
                "");
        Arbitrary<String> suffix =
                Arbitraries.strings().withChars("0123456789abcdef").ofMaxLength(5);
        return net.jqwik.api.Combinators.combine(prefix, suffix)
                .as((p, x) -> p + x)
                .list()
                .ofMaxSize(600)
                .map(list -> {
                    String[] keys = list.toArray(new String[0]);
                    if (keys.length > 3) {
                        keys[2] = null;
                    }
                    return keys;
                });
    }

    /**
     * Keys past ASCII, which the radix sort reads as bytes: Latin-1 letters and {@code ?} (what the Latin-1 encoder
     * writes for a character it cannot encode), alone or beside characters past Latin-1, surrogate pairs and lone
     * surrogates, whose UTF-16 order is not their code points'.
     */
    @Provide
    Arbitrary<String[]> unicodeKeys() {
        Arbitrary<String> latin1 =
                Arbitraries.strings().withChars("a?Z\u0080\u00e9\u00ff").ofMaxLength(5);
        Arbitrary<String> any = Arbitraries.strings()
                .withChars("a?\u00ff\u0100\u03a9\ue000\uffff\ud83d\ude00\ud800\udc00")
                .ofMaxLength(5);
        return Arbitraries.oneOf(latin1, any).list().ofMaxSize(200).map(list -> list.toArray(new String[0]));
    }

    @Property
    void unicodeKeysRankAsAStableSort(@ForAll("unicodeKeys") String[] keys) {
        assertThat(QueryExecutor.rankValues(keys)).containsExactly(reference(keys));
    }

    @Property
    void prefixedKeysRankAsAStableSort(@ForAll("prefixedKeys") String[] keys) {
        assertThat(QueryExecutor.rankValues(keys)).containsExactly(reference(keys));
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
