package dev.costagent.core.focus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.testing.Rfc4180;
import dev.costagent.core.testing.Rfc4180.Cell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FocusCsvWriterPropertyTest {

    @Property(tries = 300)
    void anyTextAndDecimalRoundTrip(
            @ForAll("awkwardText") String description,
            @ForAll("awkwardText") String note,
            @ForAll("decimals") BigDecimal cost)
            throws IOException {
        CostRecord record = CostRecord.builder()
                .chargeDescription(description)
                .billedCost(cost)
                .extra("x_Note", note)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FocusCsvWriter writer = FocusCsvWriter.to(out, List.of("x_Note"))) {
            writer.write(record);
            writer.write(record); // a second time: nothing cached may change the text
        }
        List<List<Cell>> rows = Rfc4180.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(3);
        for (List<Cell> row : rows.subList(1, 3)) {
            assertThat(row)
                    .hasSize(FocusColumn.definedIn(dev.costagent.core.focus.FocusVersion.V1_0)
                                    .size()
                            + 1);
            assertThat(row.get(FocusColumn.CHARGE_DESCRIPTION.ordinal()).value())
                    .isEqualTo(description);
            assertThat(row.get(FocusColumn.definedIn(dev.costagent.core.focus.FocusVersion.V1_0)
                                    .size())
                            .value())
                    .isEqualTo(note);
            assertThat(row.get(FocusColumn.BILLED_COST.ordinal()).text()).isEqualTo(cost.toPlainString());
        }
    }

    @Provide
    Arbitrary<String> awkwardText() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.of(',', '"', '\n', '\r', ' ', '\\', '{', '}'),
                Arbitraries.chars().ascii(),
                Arbitraries.chars().range('\u00a0', '\u024f'),
                Arbitraries.chars().range('\u4e00', '\u4e20'));
        Arbitrary<String> plain = chars.list().ofMaxSize(40).map(list -> {
            StringBuilder s = new StringBuilder();
            list.forEach(s::append);
            return s.toString();
        });
        return Arbitraries.oneOf(plain, Arbitraries.of("", "😀 emoji", "\"\"", ",,,", "a\r\nb"));
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)));
        return net.jqwik.api.Combinators.combine(
                        unscaled, Arbitraries.integers().between(-5, 25))
                .as(BigDecimal::new);
    }
}
