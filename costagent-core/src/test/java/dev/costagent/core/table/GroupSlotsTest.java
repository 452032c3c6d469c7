package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The accumulators behind every query: hashed slots (packed, growing) add up exactly as dense ones do. */
class GroupSlotsTest {

    @Test
    void hashedSlotsGrowAndAddUpAsDenseSlotsDo() {
        Random random = new Random(11);
        GroupSlots dense = GroupSlots.dense(16); // grows to the largest key
        GroupSlots hashed = GroupSlots.hashed(16); // starts at 1,024 slots: grows several times
        Map<Long, Integer> rowsByKey = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextInt(20_000);
            double value = i % 97 == 0 ? Double.NaN : (random.nextDouble() - 0.3) * 1e6;
            dense.add(key, value);
            hashed.add(key, value);
            rowsByKey.merge(key, 1, Integer::sum);
        }

        assertThat(hashed.used()).isEqualTo(rowsByKey.size()).isEqualTo(dense.used());
        int seen = 0;
        for (int slot = 0; slot < hashed.size(); slot++) {
            if (hashed.rows(slot) == 0) {
                continue;
            }
            seen++;
            int key = (int) hashed.key(slot);
            assertThat(hashed.rows(slot))
                    .isEqualTo((long) rowsByKey.get((long) key))
                    .isEqualTo(dense.rows(key));
            assertThat(hashed.value(slot)).isEqualTo(dense.value(key)); // bit for bit: the same sums in the same order
        }
        assertThat(seen).isEqualTo(rowsByKey.size());
    }

    @Test
    void aNullMetricCountsARowAndAddsNothing() {
        GroupSlots hashed = GroupSlots.hashed(1);
        hashed.add(5, Double.NaN);
        hashed.add(5, 2.5);

        int slot = 0;
        while (hashed.key(slot) != 5) {
            slot++;
        }
        assertThat(hashed.rows(slot)).isEqualTo(2);
        assertThat(hashed.value(slot)).isEqualTo(2.5);
        assertThat(hashed.used()).isEqualTo(1);
    }
}
