package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.focus.ReadOptions;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A typed source may hand string values with ids (a Parquet dictionary index), so that each id is checked and encoded
 * once. The table it builds must equal the one built from the same values without ids, rejecting a bad value on
 * every row that holds it, whichever id it comes under.
 */
class ValueIdsTest {

    private static final List<String> COLUMNS = List.of(
            "ServiceName",
            "ResourceId",
            "ListUnitPrice",
            "ChargeCategory",
            "Tags",
            "EffectiveCost",
            "ChargePeriodStart",
            "ChargePeriodEnd",
            "BillingCurrency",
            "Id");
    private static final String[] SERVICES = {"Amazon EC2", "Amazon S3", "Amazon RDS", "Amazon EC2"};
    private static final String[] PRICES = {"0.5", "abc", "1.25", "0.50"};
    private static final String[] CATEGORIES = {"Usage", "Usage", "Tax", "Usge"};
    private static final String[] TAGS = {"{\"team\":\"a\"}", "{\"team\":\"b\"}", "{not json", ""};
    private static final long START = 1_725_148_800L;
    private static final int ROWS = 6_000;

    /**
     * Builds the table, with ids when asked: dictionary ids for most rows, and for every seventh row a fresh id as a
     * writer's plain-encoded fallback gives, so that equal bytes come under different ids too.
     */
    private static CostTable build(boolean withIds, ReadOptions options) {
        CostTableBuilder builder = CostTableBuilder.create("ids-test", COLUMNS, options);
        CostTableBuilder.Rows rows = builder.rows(1);
        int fresh = 1_000;
        for (int r = 0; r < ROWS; r++) {
            int resource = r % 97;
            String[] values = {
                SERVICES[resource % SERVICES.length],
                "i-" + resource,
                PRICES[r % PRICES.length],
                CATEGORIES[(r / 5) % CATEGORIES.length],
                TAGS[(r / 3) % TAGS.length],
                null,
                null,
                null,
                "USD",
                "line-" + r
            };
            int[] ids = {
                resource % SERVICES.length,
                resource,
                r % PRICES.length,
                (r / 5) % CATEGORIES.length,
                (r / 3) % TAGS.length,
                -1,
                -1,
                -1,
                0,
                -1
            };
            for (int f = 0; f < COLUMNS.size(); f++) {
                if (values[f] == null || values[f].isEmpty()) {
                    continue;
                }
                byte[] utf8 = values[f].getBytes(StandardCharsets.UTF_8);
                if (withIds && ids[f] >= 0) {
                    rows.bytes(f, utf8, 0, utf8.length, r % 7 == 0 ? fresh++ : ids[f]);
                } else {
                    rows.bytes(f, utf8, 0, utf8.length);
                }
            }
            rows.decimal(builder.field("EffectiveCost"), 1 + r % 10)
                    .timestamp(builder.field("ChargePeriodStart"), START + 3600L * (r / 97))
                    .timestamp(builder.field("ChargePeriodEnd"), START + 3600L * (r / 97 + 1));
            rows.endRow();
        }
        return builder.build();
    }

    private static Map<String, Double> costBy(CostTable table, String column) {
        Map<String, Double> sums = new HashMap<>();
        for (QueryResult.Group group : table.execute(
                        CostQuery.builder().groupBy(Dimension.parse(column)).build())
                .groups()) {
            sums.put(group.key().get(0), group.value());
        }
        return sums;
    }

    @Test
    void idsGiveTheSameTableAndTheSameRejectsAsText() {
        ReadOptions lenient = ReadOptions.builder().lenient(true).build();
        CostTable text = build(false, lenient);
        CostTable ids = build(true, lenient);
        assertThat(ids.rowCount()).isEqualTo(text.rowCount());
        // 'abc' prices and '{not json' tags are rejected on every row holding them, under any id.
        long bad = 0;
        for (int r = 0; r < ROWS; r++) {
            if (PRICES[r % PRICES.length].equals("abc") || TAGS[(r / 3) % TAGS.length].equals("{not json")) {
                bad++;
            }
        }
        assertThat(text.rowCount()).isEqualTo(ROWS - bad);
        assertThat(ids.rejectedCount()).isEqualTo(bad);
        assertThat(ids.attributeSets()).isEqualTo(text.attributeSets());
        for (String column : List.of("ServiceName", "ResourceId", "tag:team", "ChargeCategory", "Id")) {
            assertThat(costBy(ids, column)).as(column).isEqualTo(costBy(text, column));
        }
        // The allowed-values finding counts every Usge row, whether its id was judged before or not.
        assertThat(ids.dataQuality()).isEqualTo(text.dataQuality()).isNotEmpty();
    }

    @Test
    void strictModeNamesTheFirstBadRowUnderIds() {
        assertThatThrownBy(() -> build(true, ReadOptions.DEFAULTS))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining("ids-test:2")
                .hasMessageContaining("ListUnitPrice");
    }
}
