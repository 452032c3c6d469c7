package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The group order of query results: by the ranks of the key parts, first part first, ties kept in slot order. */
class GroupOrderTest {

    @Test
    void countingPassesOrderLikeAComparisonOfTheRanks() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(2_000);
            int[] ranges = {1 + random.nextInt(40), 1 + random.nextInt(3), 1 + random.nextInt(500)};
            int[][] ranks = randomRanks(random, n, ranges);

            assertThat(GroupOrder.sort(ranks, ranges, n)).containsExactly(byComparison(ranks, n));
        }
    }

    @Test
    void aFewGroupsOutOfALargeColumnAreOrderedTheSameWay() {
        Random random = new Random(11);
        int n = 30;
        int[] ranges = {5_000_000, 3}; // sparse: compared, not counted
        int[][] ranks = randomRanks(random, n, ranges);

        assertThat(GroupOrder.sort(ranks, ranges, n)).containsExactly(byComparison(ranks, n));
    }

    @Test
    void noKeyPartsKeepsTheSlotOrder() {
        assertThat(GroupOrder.sort(new int[0][], new int[0], 3)).containsExactly(0, 1, 2);
    }

    private static int[][] randomRanks(Random random, int n, int[] ranges) {
        int[][] ranks = new int[ranges.length][n];
        for (int d = 0; d < ranges.length; d++) {
            for (int j = 0; j < n; j++) {
                ranks[d][j] = random.nextInt(ranges[d]);
            }
        }
        return ranks;
    }

    private static int[] byComparison(int[][] ranks, int n) {
        Comparator<Integer> order = (a, b) -> 0;
        for (int[] rank : ranks) {
            order = order.thenComparingInt(j -> rank[j]);
        }
        Integer[] boxed = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, order.thenComparingInt(j -> j));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
