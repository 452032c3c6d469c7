package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The time keys' division of a row's seconds by a bucket's length, as one multiplication and shift. */
class TimeKeysDivisionTest {

    private static long divide(long x, long seconds) {
        return (x * TimeKeys.magic(seconds)) >>> TimeKeys.shift(seconds);
    }

    @Property(tries = 5000)
    void equalsTheDivisionBelowTwoToThe31(@ForAll @IntRange(min = 0) int x, @ForAll("lengths") long seconds) {
        assertThat(divide(x, seconds)).isEqualTo(x / seconds);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> lengths() {
        return net.jqwik.api.Arbitraries.of(3600L, 86_400L, 1L, 2L, 7L, 60L, 604_800L);
    }

    @Test
    void equalsTheDivisionAtEveryBucketEdgeOfTheRange() {
        for (long seconds : new long[] {3600L, 86_400L}) {
            for (long bucket = 0; bucket * seconds < (1L << 31); bucket += 997) {
                long x = bucket * seconds;
                assertThat(divide(x, seconds)).isEqualTo(bucket);
                assertThat(divide(x - 1 < 0 ? 0 : x - 1, seconds)).isEqualTo(x == 0 ? 0 : bucket - 1);
                assertThat(divide(Math.min(x + seconds - 1, Integer.MAX_VALUE), seconds))
                        .isEqualTo(Math.min(x + seconds - 1, Integer.MAX_VALUE) / seconds);
            }
            assertThat(divide(Integer.MAX_VALUE, seconds)).isEqualTo(Integer.MAX_VALUE / seconds);
        }
    }
}
